package org.backcare.frontdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.ClinicPolicies;
import org.backcare.clinic.Clinics;
import org.backcare.clinic.ServiceType;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.platform.TimeRange;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.TherapistId;
import org.backcare.therapist.Therapists;
import org.backcare.therapist.WorkingInterval;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting the clinic up without SQL, for its admins: the clinic's settings and policies,
 * and each therapist's weekly hours and time off. Every change is audited (by the module
 * that owns what changed). A change to hours or time off never cancels a session: the
 * sessions it strands are answered with the change and stay on the front desk's work list
 * until moved or cancelled.
 */
@Service
class ClinicSetup {

	/**
	 * The longest cancellation window a clinic may set: 14 days (as the database allows).
	 */
	static final Duration MAX_CANCELLATION_WINDOW = Duration.ofDays(14);

	private final Clinics clinics;

	private final Therapists therapists;

	private final Dashboard dashboard;

	private final Clock clock;

	ClinicSetup(Clinics clinics, Therapists therapists, Dashboard dashboard, Clock clock) {
		this.clinics = clinics;
		this.therapists = therapists;
		this.dashboard = dashboard;
		this.clock = clock;
	}

	record Settings(String name, String address, String timeZone, int cancellationWindowHours,
			boolean intakeBeforeTreatment) {
	}

	Settings settings(CurrentUser admin) {
		Clinic clinic = this.clinics.get(admin.clinic());
		ClinicPolicies policies = this.clinics.policies(clinic.id());
		return new Settings(clinic.name(), clinic.address(), clinic.zone().getId(),
				(int) policies.cancellationWindow().toHours(), policies.intakeBeforeTreatment());
	}

	@Transactional
	Settings change(CurrentUser admin, Settings wanted) {
		// A region (Europe/Berlin), never a fixed offset: PostgreSQL reads "+05:30" in
		// AT TIME ZONE with the sign turned round, and an offset knows no daylight
		// saving.
		if (!ZoneId.getAvailableZoneIds().contains(wanted.timeZone().strip())) {
			throw new InvalidRequest(
					"'" + wanted.timeZone() + "' is not a time zone; use an IANA name as Europe/Berlin.");
		}
		ZoneId zone = ZoneId.of(wanted.timeZone().strip());
		Duration window = Duration.ofHours(wanted.cancellationWindowHours());
		if (window.isNegative() || window.compareTo(MAX_CANCELLATION_WINDOW) > 0) {
			throw new InvalidRequest(
					"The cancellation window is 0 to " + MAX_CANCELLATION_WINDOW.toHours() + " hours.");
		}
		Clinic clinic = this.clinics.get(admin.clinic());
		if (!clinic.name().equals(wanted.name().strip()) || !clinic.address().equals(wanted.address().strip())
				|| !clinic.zone().equals(zone)) {
			this.clinics.update(clinic.id(), wanted.name().strip(), wanted.address().strip(), zone);
		}
		ClinicPolicies policies = this.clinics.policies(clinic.id());
		ClinicPolicies changed = policies.withCancellationWindow(window)
			.withIntakeBeforeTreatment(wanted.intakeBeforeTreatment());
		if (!changed.equals(policies)) {
			this.clinics.setPolicies(clinic.id(), changed);
		}
		return settings(admin);
	}

	List<ServiceType> services(CurrentUser admin) {
		return this.clinics.services(admin.clinic());
	}

	ServiceType saveService(CurrentUser admin, ServiceType service) {
		return this.clinics.saveService(admin.clinic(), service);
	}

	TherapistId addTherapist(CurrentUser admin, Therapists.Profile profile) {
		return this.therapists.join(admin.clinic(), profile);
	}

	void changeProfile(CurrentUser admin, UUID therapistId, Therapists.Profile profile) {
		this.therapists.changeProfile(therapist(admin, therapistId).id(), profile);
	}

	/** A therapist of the admin's own clinic; anyone else's is "not found". */
	Therapist therapist(CurrentUser admin, UUID id) {
		return this.therapists.find(new TherapistId(id))
			.filter(therapist -> admin.isAdminOf(therapist.clinicId()))
			.orElseThrow(() -> new RecordNotFound("Therapist", id));
	}

	/** Sets the weekly hours; answers the sessions they strand. */
	List<Dashboard.Reassign> setHours(CurrentUser admin, UUID therapistId, List<WorkingInterval> hours) {
		Therapist therapist = therapist(admin, therapistId);
		this.therapists.setHours(therapist.id(), hours);
		return stranded(admin, therapist);
	}

	/**
	 * Adds time off (at most a year, ending after it starts, no further ahead than five
	 * years); answers its id and the sessions it strands.
	 */
	TimeOffAdded addTimeOff(CurrentUser admin, UUID therapistId, Instant from, Instant to, String reason) {
		Therapist therapist = therapist(admin, therapistId);
		if (!to.isAfter(from)) {
			throw new InvalidRequest("Time off must end after it starts.");
		}
		Instant now = this.clock.instant();
		if (from.isBefore(now.minus(Duration.ofDays(366))) || to.isAfter(now.plus(Duration.ofDays(5 * 366)))) {
			throw new InvalidRequest("Time off lies between a year ago and five years ahead.");
		}
		if (Duration.between(from, to).toDays() > 366) {
			throw new InvalidRequest("Time off can be at most a year at a time.");
		}
		UUID id = this.therapists.addTimeOff(therapist.id(), new TimeRange(from, to),
				(reason != null) ? reason.strip() : "");
		return new TimeOffAdded(id, stranded(admin, therapist));
	}

	void removeTimeOff(CurrentUser admin, UUID therapistId, UUID timeOff) {
		this.therapists.removeTimeOff(therapist(admin, therapistId).id(), timeOff);
	}

	List<Dashboard.Reassign> stranded(CurrentUser admin, Therapist therapist) {
		return this.dashboard.stranded(admin, this.clinics.get(therapist.clinicId()), therapist.id());
	}

	record TimeOffAdded(UUID id, List<Dashboard.Reassign> stranded) {
	}

}
