package coop.cooperage.society.boundary;

import coop.cooperage.society.entity.Office;
import coop.cooperage.society.entity.OfficerAppointment;
import java.time.LocalDate;

/** An entry of the register of officers. */
public record OfficerJson(Long id, Office office, String name, LocalDate appointedOn, LocalDate endedOn) {

    public static OfficerJson of(OfficerAppointment o) {
        return new OfficerJson(o.id(), o.office(), o.personName(), o.appointedOn(), o.endedOn());
    }
}
