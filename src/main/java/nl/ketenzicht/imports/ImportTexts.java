package nl.ketenzicht.imports;

import java.util.Locale;
import java.util.Map;
import nl.ketenzicht.web.Messages;

/** A message code with its parameters in the user's language, from the same bundles the front end uses. */
final class ImportTexts {

    private ImportTexts() {}

    /** nl unless the user asked for English (query parameter, else the first language of Accept-Language). */
    static String language(String asked, String acceptLanguage) {
        String l = asked != null && !asked.isBlank()
                ? asked
                : acceptLanguage == null || acceptLanguage.isBlank()
                        ? "nl"
                        : acceptLanguage
                                .strip()
                                .substring(0, Math.min(2, acceptLanguage.strip().length()));
        return l.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "nl";
    }

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
