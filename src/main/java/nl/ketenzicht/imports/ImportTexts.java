package nl.ketenzicht.imports;

import java.util.Map;
import nl.ketenzicht.web.Messages;

/** A message code with its parameters in the user's language, from the same bundles the front end uses. */
final class ImportTexts {

    private ImportTexts() {}

    static String render(String code, Map<String, Object> params, String fallback, String language) {
        String template =
                Messages.of(language).map(m -> m.get("problem." + code)).orElse(null);
        if (template == null) {
            return fallback;
        }
        String text = template;
        for (Map.Entry<String, Object> p : params.entrySet()) {
            text = text.replace("{" + p.getKey() + "}", String.valueOf(p.getValue()));
        }
        return text;
    }
}
