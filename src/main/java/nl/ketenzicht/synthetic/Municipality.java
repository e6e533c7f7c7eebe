package nl.ketenzicht.synthetic;

/**
 * A municipality and where it belongs. The OM office follows from the police unit: every
 * arrondissementsparket is "AP-" + unit (both Oost-Nederland districts share AP-ON).
 */
public record Municipality(String code, String name, String policeUnit, String courtDistrict) {

    public String prosecutionOffice() {
        return "AP-" + policeUnit;
    }
}
