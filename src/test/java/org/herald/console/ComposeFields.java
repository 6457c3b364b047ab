package org.herald.console;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The compose form's fields as a browser would submit them (ticked boxes, selected option), to change and post back. */
final class ComposeFields {
    private final List<Map.Entry<String, String>> pairs = new ArrayList<>();

    private ComposeFields() {
    }

    static ComposeFields of(String html) {
        Document page = Jsoup.parse(html);
        Element form = page.getElementById("compose-form");
        if (form == null) throw new AssertionError("no compose form on the page: " + html);
        ComposeFields fields = new ComposeFields();
        for (Element e : form.select("input, textarea, select")) {
            String name = e.attr("name");
            if (name.isEmpty()) continue;
            switch (e.tagName()) {
                case "textarea" -> fields.pairs.add(pair(name, e.val()));
                case "select" -> {
                    Element selected = e.selectFirst("option[selected]");
                    if (selected == null) selected = e.selectFirst("option");
                    if (selected != null) fields.pairs.add(pair(name, selected.attr("value")));
                }
                default -> {
                    String type = e.attr("type");
                    if ((type.equals("checkbox") || type.equals("radio")) && !e.hasAttr("checked")) continue;
                    fields.pairs.add(pair(name, e.attr("value")));
                }
            }
        }
        return fields;
    }

    /** Sets a single-valued field (replacing what was there). */
    ComposeFields set(String name, String value) {
        pairs.removeIf(p -> p.getKey().equals(name));
        pairs.add(pair(name, value));
        return this;
    }

    /** Unticks one box. */
    ComposeFields untick(String name, String value) {
        pairs.removeIf(p -> p.getKey().equals(name) && p.getValue().equals(value));
        return this;
    }

    ComposeFields tick(String name, String value) {
        untick(name, value);
        pairs.add(pair(name, value));
        return this;
    }

    String get(String name) {
        return pairs.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no field " + name));
    }

    /** Pressing the button whose {@code action} is {@code value}. */
    List<Map.Entry<String, String>> press(String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>(pairs);
        out.add(pair("action", value));
        return out;
    }

    private static Map.Entry<String, String> pair(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }
}
