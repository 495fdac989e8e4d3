package org.backcare.frontdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.clinic.BookingWindow;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate transactions;

	ClinicSetup(Clinics clinics, Therapists therapists, Dashboard dashboard, Clock clock,
			PlatformTransactionManager transactions) {
		this.clinics = clinics;
		this.therapists = therapists;
		this.dashboard = dashboard;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * The clinic's settings; {@code reminderHoursBefore}: how many hours before a session
	 * its client is reminded (none, one or two reminders).
	 */
	record Settings(String name, String address, String timeZone, int cancellationWindowHours,
			boolean intakeBeforeTreatment, int minimumNoticeMinutes, int bookingHorizonDays,
			List<Integer> reminderHoursBefore) {
	}

	Settings settings(CurrentUser admin) {
		Clinic clinic = this.clinics.get(admin.clinic());
		ClinicPolicies policies = this.clinics.policies(clinic.id());
		return new Settings(clinic.name(), clinic.address(), clinic.zone().getId(),
				(int) policies.cancellationWindow().toHours(), policies.intakeBeforeTreatment(),
				(int) clinic.booking().minimumNotice().toMinutes(), (int) clinic.booking().horizon().toDays(),
				policies.reminders().stream().map(before -> (int) before.toHours()).toList());
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
		if (wanted.name().chars().anyMatch(Character::isISOControl)
				|| wanted.address().chars().anyMatch(Character::isISOControl)) {
			// The name heads every mail the clinic sends (its sender name, subjects).
			throw new InvalidRequest("The clinic's name and address are one line each, without control characters.");
		}
		Duration window = Duration.ofHours(wanted.cancellationWindowHours());
		if (window.isNegative() || window.compareTo(MAX_CANCELLATION_WINDOW) > 0) {
			throw new InvalidRequest(
					"The cancellation window is 0 to " + MAX_CANCELLATION_WINDOW.toHours() + " hours.");
		}
		BookingWindow booking = bookingWindow(wanted);
		List<Duration> reminders = reminders(wanted);
		Clinic clinic = this.clinics.get(admin.clinic());
		if (!clinic.booking().equals(booking)) {
			this.clinics.setBookingWindow(clinic.id(), booking);
		}
		if (!clinic.name().equals(wanted.name().strip()) || !clinic.address().equals(wanted.address().strip())
				|| !clinic.zone().equals(zone)) {
			this.clinics.update(clinic.id(), wanted.name().strip(), wanted.address().strip(), zone);
		}
		ClinicPolicies policies = this.clinics.policies(clinic.id());
		ClinicPolicies changed = policies.withCancellationWindow(window)
			.withIntakeBeforeTreatment(wanted.intakeBeforeTreatment())
			.withReminders(reminders);
		if (!changed.equals(policies)) {
			this.clinics.setPolicies(clinic.id(), changed);
		}
		return settings(admin);
	}

	private static List<Duration> reminders(Settings wanted) {
		List<Integer> hours = (wanted.reminderHoursBefore() != null) ? wanted.reminderHoursBefore() : List.of();
		if (hours.size() > ClinicPolicies.MAX_REMINDERS || hours.stream().distinct().count() != hours.size() || hours
			.stream()
			.anyMatch(before -> before == null || before < 1 || before > ClinicPolicies.LONGEST_REMINDER.toHours())) {
			throw new InvalidRequest(
					"Reminders: at most " + ClinicPolicies.MAX_REMINDERS + " different ones, each 1 to "
							+ ClinicPolicies.LONGEST_REMINDER.toHours() + " hours before the session.");
		}
		return hours.stream().sorted(java.util.Comparator.reverseOrder()).map(Duration::ofHours).toList();
	}

	private static BookingWindow bookingWindow(Settings wanted) {
		if (wanted.minimumNoticeMinutes() < 0 || wanted.minimumNoticeMinutes() > BookingWindow.MAX_NOTICE.toMinutes()) {
			throw new InvalidRequest(
					"The minimum notice is 0 to " + BookingWindow.MAX_NOTICE.toMinutes() + " minutes (two days).");
		}
		if (wanted.bookingHorizonDays() < BookingWindow.MIN_HORIZON_DAYS
				|| wanted.bookingHorizonDays() > BookingWindow.MAX_HORIZON_DAYS) {
			throw new InvalidRequest("Bookings open " + BookingWindow.MIN_HORIZON_DAYS + " to "
					+ BookingWindow.MAX_HORIZON_DAYS + " days ahead.");
		}
		return new BookingWindow(Duration.ofMinutes(wanted.minimumNoticeMinutes()),
				Duration.ofDays(wanted.bookingHorizonDays()));
	}

	List<ServiceType> services(CurrentUser admin) {
		return this.clinics.everyService(admin.clinic());
	}

	ServiceType saveService(CurrentUser admin, ServiceType service) {
		return this.clinics.saveService(admin.clinic(), service);
	}

	ServiceType setOffered(CurrentUser admin, String code, boolean offered) {
		return this.clinics.setOffered(admin.clinic(), code, offered);
	}

	TherapistId addTherapist(CurrentUser admin, Therapists.Profile profile) {
		return this.therapists.join(admin.clinic(), profile);
	}

	void changeProfile(CurrentUser admin, UUID therapistId, Therapists.Profile profile) {
		this.therapists.changeProfile(therapist(admin, therapistId).id(), profile);
	}

	/**
	 * The therapist leaves the clinic, or comes back. Leaving is refused while they hold
	 * booked sessions to come, which are answered so the front desk can move or reassign
	 * them first: an inactive therapist never holds a booked session to come (the
	 * database refuses a new one; a session already under way when they leave stays
	 * theirs to complete).
	 */
	void setActive(CurrentUser admin, UUID therapistId, boolean active) {
		Therapist therapist = therapist(admin, therapistId);
		if (active) {
			this.therapists.reactivate(therapist.id());
			return;
		}
		for (int attempt = 0; attempt < 3; attempt++) {
			// Deactivating first locks the therapist's row: a booking in flight has
			// committed by now (and is counted), and none can follow. With sessions still
			// booked, the whole change is rolled back.
			boolean stillBooked = Boolean.TRUE.equals(this.transactions.execute(status -> {
				this.therapists.deactivate(therapist.id());
				if (!this.dashboard.stillBooked(therapist.id())) {
					return false;
				}
				status.setRollbackOnly();
				return true;
			}));
			if (!stillBooked) {
				return;
			}
			// Listed after the rollback, so each listed session stays an audited read.
			List<Dashboard.Reassign> booked = this.dashboard.booked(admin, this.clinics.get(therapist.clinicId()),
					therapist, "the therapist is leaving the clinic");
			if (!booked.isEmpty()) {
				throw new TherapistStillBooked(therapist.name(), booked);
			}
			// Cancelled or moved in the meantime: try again.
		}
		throw new TherapistStillBooked(therapist.name(), List.of());
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
