package nl.ketenzicht.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Where a case belongs: the municipality and the police unit, court district and OM office derived from it. */
@Embeddable
public class Region {

    @Column(name = "municipality_code")
    private String municipalityCode;

    @Column(name = "police_unit")
    private String policeUnit;

    @Column(name = "court_district")
    private String courtDistrict;

    @Column(name = "prosecution_office")
    private String prosecutionOffice;

    protected Region() {}

    public Region(String municipalityCode, String policeUnit, String courtDistrict, String prosecutionOffice) {
        this.municipalityCode = Objects.requireNonNull(municipalityCode);
        this.policeUnit = Objects.requireNonNull(policeUnit);
        this.courtDistrict = Objects.requireNonNull(courtDistrict);
        this.prosecutionOffice = Objects.requireNonNull(prosecutionOffice);
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public String policeUnit() {
        return policeUnit;
    }

    public String courtDistrict() {
        return courtDistrict;
    }

    public String prosecutionOffice() {
        return prosecutionOffice;
    }
}
