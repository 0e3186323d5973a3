package coop.cooperage.society.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.society.entity.Office;
import coop.cooperage.society.entity.OfficerAppointment;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The register of officers: appointments and their endings, never deleted. */
@ApplicationScoped
public class Officers {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<OfficerEnded> ended;

    public List<OfficerAppointment> register(Society society) {
        return em.createNamedQuery("Officer.ofSociety", OfficerAppointment.class).setParameter("society", society.id())
                .getResultList();
    }

    /** The register as it stood on a date: appointments made by then, with endings after it hidden. */
    public List<OfficerAppointment> registerAsAt(Society society, LocalDate date) {
        return register(society).stream().filter(o -> !o.appointedOn().isAfter(date)).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OfficerAppointment appoint(Society society, Office office, String personName, LocalDate appointedOn) {
        var today = LocalDate.now(clock.withZone(coop.cooperage.platform.control.Clocks.UK));
        new FieldErrors()
                .check(office != null, "office", "Choose the office")
                .check(personName != null && !personName.isBlank() && personName.length() <= 200, "personName",
                        "Enter the officer's full name")
                .check(appointedOn != null, "appointedOn", "Enter the date of appointment")
                .check(appointedOn == null || !appointedOn.isAfter(today.plusYears(1)), "appointedOn",
                        "The date of appointment must be within the next year")
                .throwIfAny();
        var appointment = new OfficerAppointment(society.id(), office, personName.trim(), null, appointedOn,
                LocalDateTime.now(clock));
        em.persist(appointment);
        em.flush();
        audit.record(society.id(), "officer.appointed", "officer", appointment.id(), null, snapshot(appointment));
        return appointment;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OfficerAppointment end(Society society, long appointmentId, LocalDate endedOn) {
        OfficerAppointment appointment = em.find(OfficerAppointment.class, appointmentId);
        if (appointment == null || appointment.societyId() != society.id()) {
            throw new NoSuchResourceException("No such appointment");
        }
        if (endedOn == null) {
            throw new InvalidInputException("endedOn", "Enter the date the appointment ended");
        }
        var before = snapshot(appointment);
        try {
            appointment.end(endedOn);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("endedOn", e.getMessage());
        }
        audit.record(society.id(), "officer.ended", "officer", appointment.id(), before, snapshot(appointment));
        ended.fire(new OfficerEnded(society.id(), appointment.id(), endedOn));
        return appointment;
    }

    private static Map<String, Object> snapshot(OfficerAppointment o) {
        var m = new LinkedHashMap<String, Object>();
        m.put("office", o.office().name());
        m.put("personName", o.personName());
        m.put("appointedOn", o.appointedOn().toString());
        m.put("endedOn", o.endedOn() == null ? null : o.endedOn().toString());
        return m;
    }
}
