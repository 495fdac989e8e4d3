package org.backcare.homecare;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

/**
 * A client logged severe pain (7 or more) during a home-care item on a day (their own
 * day): the care team is told, once a day per client, in one message.
 */
public record HomePainReported(ClinicId clinic, ClientId client, java.time.LocalDate day) {
}
