package dev.modelrepo.sample.model;

import dev.modelrepo.model.Model;

/** The checks the sample's models share in their {@code validate()}. */
final class Validation {

    private Validation() {
    }

    /** The column holds a non-blank text of at most {@code maxLength} characters. */
    static void requireText(Model model, String column, int maxLength) {
        String value = model.get(column, String.class);
        if (value == null || value.isBlank()) {
            model.addError(column, capitalized(column) + " is required");
        }
        else if (value.length() > maxLength) {
            model.addError(column, capitalized(column) + " must be at most " + maxLength + " characters");
        }
    }

    /** The column holds a value. */
    static void require(Model model, String column) {
        if (model.get(column) == null) {
            model.addError(column, capitalized(column) + " is required");
        }
    }

    private static String capitalized(String column) {
        String words = column.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
