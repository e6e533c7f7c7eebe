package nl.ketenzicht.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.web.Messages;

/**
 * Code lists that a feature keeps as an enum in its code (a case's origin, its team type, a victim's age
 * group), offered through the reference data beside the lists of {@code ref_code}, so that forms and
 * report filters take them from the server instead of copies. A feature declares its lists as a bean
 * implementing this interface; the labels are the interface bundles' texts {@code <prefix>.<CODE>}.
 */
public interface EnumCodeLists {

    List<EnumCodeList> lists();

    /** One list: its name, the bundle prefix of its labels and its codes in order. */
    record EnumCodeList(String list, String labelPrefix, List<String> codes) {

        public static EnumCodeList of(String list, String labelPrefix, Enum<?>[] values) {
            return new EnumCodeList(
                    list, labelPrefix, Arrays.stream(values).map(Enum::name).toList());
        }

        /** The codes with their Dutch and English labels (the code itself where a bundle has none). */
        List<ReferenceViews.Code> labelled() {
            Map<String, String> nl = Messages.of("nl").orElseThrow();
            Map<String, String> en = Messages.of("en").orElseThrow();
            return codes.stream()
                    .map(code -> new ReferenceViews.Code(
                            list,
                            code,
                            nl.getOrDefault(labelPrefix + "." + code, code),
                            en.getOrDefault(labelPrefix + "." + code, code),
                            null,
                            null))
                    .toList();
        }
    }
}
