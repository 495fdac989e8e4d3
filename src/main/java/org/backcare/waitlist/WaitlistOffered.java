package org.backcare.waitlist;

import java.time.Instant;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.TherapistId;

/**
 * A waiting client is offered a session: {@code service} with {@code therapist} from
 * {@code start} to {@code end}, theirs if they take it up before {@code expires} (and
 * before anybody else offered it does). Its page is {@code /me/waitlist/offers/<offer>}.
 */
public record WaitlistOffered(UUID offer, ClinicId clinic, ClientId client, TherapistId therapist, String service,
		Instant start, Instant end, Instant expires) {
}
