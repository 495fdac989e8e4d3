package org.backcare.therapist;

import java.time.LocalDate;

/**
 * A licence to practise massage therapy. Once verified by the clinic, it is valid on
 * every day from {@code validFrom} to {@code validUntil}, both included, in the clinic's
 * local calendar. An unverified licence allows nothing.
 */
public record Licence(String jurisdiction, String number, LocalDate validFrom, LocalDate validUntil, boolean verified) {

	/**
	 * A licence as the clinic records it when a therapist joins: checked then, so
	 * verified.
	 */
	public Licence(String jurisdiction, String number, LocalDate validFrom, LocalDate validUntil) {
		this(jurisdiction, number, validFrom, validUntil, true);
	}

	/**
	 * A licence ending within this many days shows as expiring, so the clinic can renew
	 * it in time.
	 */
	public static final int EXPIRY_WARNING_DAYS = 30;

	public Licence {
		if (validUntil.isBefore(validFrom)) {
			throw new IllegalArgumentException("A licence cannot expire before it starts");
		}
	}

	public boolean isValidOn(LocalDate day) {
		return this.verified && !day.isBefore(this.validFrom) && !day.isAfter(this.validUntil);
	}

	public LicenceStatus statusOn(LocalDate today) {
		if (!this.verified) {
			return LicenceStatus.UNVERIFIED;
		}
		if (today.isBefore(this.validFrom)) {
			return LicenceStatus.NOT_YET_VALID;
		}
		if (today.isAfter(this.validUntil)) {
			return LicenceStatus.EXPIRED;
		}
		return today.plusDays(EXPIRY_WARNING_DAYS).isAfter(this.validUntil) ? LicenceStatus.EXPIRING_SOON
				: LicenceStatus.VALID;
	}

}
