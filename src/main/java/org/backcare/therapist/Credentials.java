package org.backcare.therapist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.backcare.clinic.ClinicId;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.CredentialChanged.Change;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.backcare.platform.Timestamps.instant;

/**
 * Licences and certifications as the clinic's admins manage them: recorded (unverified)
 * from a document, verified by someone who has seen it, and ended early when a licence is
 * suspended or withdrawn. Whoever calls has already been checked to be an admin of the
 * therapist's clinic. Each change is audited ({@link CredentialChanged}) in its own
 * transaction.
 */
@Service
public class Credentials {

	private final JdbcClient jdbc;

	private final Therapists therapists;

	private final ApplicationEventPublisher events;

	Credentials(JdbcClient jdbc, Therapists therapists, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.therapists = therapists;
		this.events = events;
	}

	public record LicenceRecord(String jurisdiction, String number, LocalDate validFrom, LocalDate validUntil,
			String documentRef, String verifiedBy, Instant verifiedAt) {
	}

	public record CertificationRecord(Technique technique, LocalDate certifiedOn, LocalDate validUntil,
			String documentRef, String verifiedBy, Instant verifiedAt) {
	}

	@Schema(name = "TherapistCredentials")
	public record Record(TherapistId therapist, List<LicenceRecord> licences,
			List<CertificationRecord> certifications) {
	}

	public Record of(TherapistId therapist) {
		this.therapists.get(therapist);
		return new Record(therapist,
				this.jdbc
					.sql("""
							SELECT jurisdiction, number, valid_from, valid_until, document_ref, verified_by, verified_at FROM licence
							WHERE therapist_id = ? ORDER BY valid_from, number""")
					.param(therapist.value())
					.query((rs, n) -> new LicenceRecord(rs.getString("jurisdiction"), rs.getString("number"),
							rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
							rs.getString("document_ref"), rs.getString("verified_by"), instant(rs, "verified_at")))
					.list(),
				this.jdbc
					.sql("""
							SELECT technique, certified_on, valid_until, document_ref, verified_by, verified_at FROM certification
							WHERE therapist_id = ? ORDER BY technique""")
					.param(therapist.value())
					.query((rs, n) -> new CertificationRecord(Technique.valueOf(rs.getString("technique")),
							rs.getObject("certified_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
							rs.getString("document_ref"), rs.getString("verified_by"), instant(rs, "verified_at")))
					.list());
	}

	/** Records a licence from its document; it counts once verified. */
	@Transactional
	public void addLicence(TherapistId therapist, String jurisdiction, String number, LocalDate validFrom,
			LocalDate validUntil, String documentRef) {
		this.therapists.changed(therapist);
		if (validUntil.isBefore(validFrom)) {
			throw new InvalidRequest("validUntil cannot be before validFrom.");
		}
		Therapist known = this.therapists.get(therapist);
		this.jdbc
			.sql("""
					INSERT INTO licence (clinic_id, therapist_id, jurisdiction, number, valid_from, valid_until, document_ref)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(known.clinicId().value(), therapist.value(), jurisdiction, number, validFrom, validUntil,
					documentRef)
			.update();
		changed(Change.LICENCE_RECORDED, known, jurisdiction + " " + number);
	}

	@Transactional
	public void verifyLicence(TherapistId therapist, String jurisdiction, String number, String verifiedBy) {
		this.therapists.changed(therapist);
		if (this.jdbc.sql("""
				UPDATE licence SET verified_by = ?, verified_at = now()
				WHERE therapist_id = ? AND jurisdiction = ? AND number = ?""")
			.params(verifiedBy, therapist.value(), jurisdiction, number)
			.update() == 0) {
			throw new RecordNotFound("Licence", jurisdiction + " " + number);
		}
		changed(Change.LICENCE_VERIFIED, this.therapists.get(therapist), jurisdiction + " " + number);
	}

	/**
	 * Ends a licence early (suspended, withdrawn, or corrected). Sessions already booked
	 * after the new end are then listed for the front desk to reassign.
	 */
	@Transactional
	public void endLicence(TherapistId therapist, String jurisdiction, String number, LocalDate validUntil) {
		this.therapists.changed(therapist);
		LicenceRecord licence = of(therapist).licences()
			.stream()
			.filter(found -> found.jurisdiction().equals(jurisdiction) && found.number().equals(number))
			.findFirst()
			.orElseThrow(() -> new RecordNotFound("Licence", jurisdiction + " " + number));
		if (validUntil.isBefore(licence.validFrom()) || validUntil.isAfter(licence.validUntil())) {
			throw new InvalidRequest("A licence can only be ended between its start (" + licence.validFrom()
					+ ") and its current end (" + licence.validUntil() + ").");
		}
		this.jdbc.sql("UPDATE licence SET valid_until = ? WHERE therapist_id = ? AND jurisdiction = ? AND number = ?")
			.params(validUntil, therapist.value(), jurisdiction, number)
			.update();
		changed(Change.LICENCE_ENDED, this.therapists.get(therapist),
				jurisdiction + " " + number + " until " + validUntil);
	}

	/**
	 * Records a certification from its certificate, replacing any earlier one for the
	 * technique; it counts once verified, so a renewal is checked before it is relied on.
	 */
	@Transactional
	public void recordCertification(TherapistId therapist, Technique technique, LocalDate certifiedOn,
			LocalDate validUntil, String documentRef) {
		this.therapists.changed(therapist);
		if (certifiedOn != null && validUntil != null && validUntil.isBefore(certifiedOn)) {
			throw new InvalidRequest("validUntil cannot be before certifiedOn.");
		}
		Therapist known = this.therapists.get(therapist);
		this.jdbc.sql("""
				INSERT INTO certification (clinic_id, therapist_id, technique, certified_on, valid_until, document_ref)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (clinic_id, therapist_id, technique) DO UPDATE SET certified_on = excluded.certified_on,
				    valid_until = excluded.valid_until, document_ref = excluded.document_ref, verified_by = NULL,
				    verified_at = NULL""")
			.params(known.clinicId().value(), therapist.value(), technique.name(), certifiedOn, validUntil, documentRef)
			.update();
		changed(Change.CERTIFICATION_RECORDED, known, technique.name());
	}

	@Transactional
	public void verifyCertification(TherapistId therapist, Technique technique, String verifiedBy) {
		this.therapists.changed(therapist);
		if (this.jdbc
			.sql("""
					UPDATE certification SET verified_by = ?, verified_at = now() WHERE therapist_id = ? AND technique = ?""")
			.params(verifiedBy, therapist.value(), technique.name())
			.update() == 0) {
			throw new RecordNotFound("Certification", technique.name());
		}
		changed(Change.CERTIFICATION_VERIFIED, this.therapists.get(therapist), technique.name());
	}

	private void changed(Change change, Therapist therapist, String credential) {
		// The audit log's detail holds at most 200 characters.
		String detail = (credential.length() > 200) ? credential.substring(0, 200) : credential;
		this.events.publishEvent(new CredentialChanged(change, therapist.id(), therapist.clinicId(), detail));
	}

	/** A licence that needs the front desk: ending soon, or not yet verified. */
	public record LicenceAlert(TherapistId therapist, String therapistName, String jurisdiction, String number,
			LocalDate validUntil, boolean verified) {
	}

	/**
	 * Verified licences ending within {@code days} of today (both included) whose
	 * therapist has no verified licence continuing after them, and every unverified
	 * licence.
	 */
	public List<LicenceAlert> alerts(ClinicId clinic, LocalDate today, int days) {
		return this.jdbc
			.sql("""
					SELECT l.therapist_id, t.name, l.jurisdiction, l.number, l.valid_until, l.verified_at IS NOT NULL AS verified
					FROM licence l JOIN therapist t ON t.clinic_id = l.clinic_id AND t.id = l.therapist_id
					WHERE l.clinic_id = ? AND t.deactivated_at IS NULL AND (
					      l.verified_at IS NULL AND l.valid_until >= ?
					   OR l.verified_at IS NOT NULL AND l.valid_until BETWEEN ? AND ?
					      AND NOT EXISTS (SELECT 1 FROM licence later WHERE later.therapist_id = l.therapist_id
					                      AND later.verified_at IS NOT NULL AND later.valid_from <= l.valid_until + 1
					                      AND later.valid_until > l.valid_until))
					ORDER BY l.valid_until, t.name""")
			.params(clinic.value(), today, today, today.plusDays(days))
			.query((rs, n) -> new LicenceAlert(new TherapistId(rs.getObject("therapist_id", UUID.class)),
					rs.getString("name"), rs.getString("jurisdiction"), rs.getString("number"),
					rs.getObject("valid_until", LocalDate.class), rs.getBoolean("verified")))
			.list();
	}

}
