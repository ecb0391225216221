package dev.modelrepo.autoconfigure.test.app;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelListener;

/** A ModelListener component: the slice picks it up. */
@Component
public class AuditListener implements ModelListener {

    public final List<String> inserted = new ArrayList<>();

    @Override
    public void afterInsert(Model model) {
        this.inserted.add(model.get("name", String.class));
    }
}
