package coop.cooperage.platform.boundary.web;

import java.util.HashMap;
import java.util.Map;

/** A server-rendered page: a Thymeleaf template under templates/ and the values it shows. */
public final class Page {

    private final String template;
    private final Map<String, Object> model = new HashMap<>();

    private Page(String template) {
        this.template = template;
    }

    public static Page of(String template) {
        return new Page(template);
    }

    public Page with(String name, Object value) {
        model.put(name, value);
        return this;
    }

    public String template() {
        return template;
    }

    public Map<String, Object> model() {
        return model;
    }
}
