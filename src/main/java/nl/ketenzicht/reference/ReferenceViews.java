package nl.ketenzicht.reference;

import java.time.LocalDate;

/** Read-only views of the reference lists. */
public final class ReferenceViews {

    private ReferenceViews() {}

    public record PoliceUnit(String code, String name, boolean national) {}

    public record ProsecutionOffice(String code, String name, String type) {}

    public record CourtDistrict(
            String code,
            String name,
            String court,
            String courtOfAppeal,
            String policeUnit,
            String prosecutionOffice) {}

    public record Municipality(String code, String name, String province, String policeUnit, String courtDistrict) {}

    public record Code(
            String list, String code, String labelNl, String labelEn, LocalDate validFrom, LocalDate validTo) {
        boolean validOn(LocalDate d) {
            return !d.isBefore(validFrom) && (validTo == null || !d.isAfter(validTo));
        }
    }

    public record Article(
            String article, String lawVersion, String titleNl, String titleEn, LocalDate validFrom, LocalDate validTo) {
        public boolean inForceOn(LocalDate d) {
            return !d.isBefore(validFrom) && (validTo == null || !d.isAfter(validTo));
        }
    }
}
