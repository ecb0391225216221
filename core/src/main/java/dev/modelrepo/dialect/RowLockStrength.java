package dev.modelrepo.dialect;

/** The strength of a row lock a SELECT takes: FOR UPDATE, FOR SHARE, FOR NO KEY UPDATE, FOR KEY SHARE. */
public enum RowLockStrength {
    UPDATE, SHARE, NO_KEY_UPDATE, KEY_SHARE
}
