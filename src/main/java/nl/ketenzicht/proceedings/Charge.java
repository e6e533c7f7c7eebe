package nl.ketenzicht.proceedings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;

/** An offence a suspect or client is charged with: the article as numbered in the law version of the offence date. */
@Entity
@Table(name = "charge")
public class Charge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "party_id")
    private long partyId;

    private String article;

    @Column(name = "law_version")
    private String lawVersion;

    @Column(name = "offence_date")
    private LocalDate offenceDate;

    protected Charge() {}

    Charge(long partyId, String article, String lawVersion, LocalDate offenceDate) {
        this.partyId = partyId;
        this.article = Objects.requireNonNull(article);
        this.lawVersion = Objects.requireNonNull(lawVersion);
        this.offenceDate = Objects.requireNonNull(offenceDate);
    }

    public Long id() {
        return id;
    }

    public String article() {
        return article;
    }

    public String lawVersion() {
        return lawVersion;
    }

    public LocalDate offenceDate() {
        return offenceDate;
    }
}
