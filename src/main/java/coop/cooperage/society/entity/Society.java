package coop.cooperage.society.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;

/** A registered society hosted on this deployment. */
@Entity
@Table(name = "society")
@NamedQuery(name = "Society.bySlug", query = "select s from Society s where s.slug = :slug")
@NamedQuery(name = "Society.all", query = "select s from Society s order by s.name")
public class Society {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String name;

    @Column(name = "fca_number")
    private String fcaNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "society_type")
    private SocietyType type;

    @Enumerated(EnumType.STRING)
    private Jurisdiction jurisdiction;

    @Column(name = "registered_office")
    private String registeredOffice;

    @Column(name = "area_of_benefit")
    private String areaOfBenefit;

    @Column(name = "year_end_month")
    private int yearEndMonth;

    @Column(name = "year_end_day")
    private int yearEndDay;

    @Column(name = "brand_colour")
    private String brandColour;

    @Embedded
    private SocietyRules rules;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Version
    private long version;

    protected Society() {
    }

    /** Takes details that have been validated; area of benefit is stored in its canonical form. */
    public Society(SocietyDetails details, SocietyRules rules, LocalDateTime now) {
        apply(details);
        this.rules = rules;
        this.createdAt = now;
    }

    public void apply(SocietyDetails d) {
        this.slug = d.slug();
        this.name = d.name();
        this.fcaNumber = d.fcaNumber();
        this.type = d.type();
        this.jurisdiction = d.jurisdiction();
        this.registeredOffice = d.registeredOffice();
        this.areaOfBenefit = AreaOfBenefit.parse(d.areaOfBenefit()).toString();
        this.yearEndMonth = d.yearEndMonth();
        this.yearEndDay = d.yearEndDay();
        this.brandColour = d.brandColour();
    }

    public void changeRules(SocietyRules rules) {
        this.rules = rules;
    }

    public SocietyDetails details() {
        return new SocietyDetails(slug, name, fcaNumber, type, jurisdiction, registeredOffice, areaOfBenefit, yearEndMonth,
                yearEndDay, brandColour);
    }

    /** The last day of the financial year that contains the given date. */
    public LocalDate yearEndFor(LocalDate date) {
        LocalDate end = MonthDay.of(yearEndMonth, yearEndDay).atYear(date.getYear());
        return date.isAfter(end) ? end.plusYears(1) : end;
    }

    public Long id() { return id; }
    public String slug() { return slug; }
    public String name() { return name; }
    public String fcaNumber() { return fcaNumber; }
    public SocietyType type() { return type; }
    public Jurisdiction jurisdiction() { return jurisdiction; }
    public String registeredOffice() { return registeredOffice; }
    public AreaOfBenefit areaOfBenefit() { return AreaOfBenefit.parse(areaOfBenefit); }
    public MonthDay yearEnd() { return MonthDay.of(yearEndMonth, yearEndDay); }
    public String brandColour() { return brandColour; }
    public SocietyRules rules() { return rules; }
    public LocalDateTime createdAt() { return createdAt; }
    public long version() { return version; }
}
