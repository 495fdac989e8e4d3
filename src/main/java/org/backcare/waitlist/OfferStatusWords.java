package org.backcare.waitlist;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.backcare.clinic.Clinic;

/** What an offer that can no longer be answered says to the person holding its link. */
final class OfferStatusWords {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private OfferStatusWords() {
	}

	static String ended(Offer offer, Clinic clinic) {
		return switch (offer.status()) {
			case ACCEPTED -> "You took up this offer already: the session is booked, under My appointments.";
			case DECLINED -> "You declined this offer; you stay on the waitlist.";
			case GONE -> "Someone else offered the same time took it first. You stay on the waitlist and will be "
					+ "offered the next time that fits.";
			case WITHDRAWN -> "This offer was withdrawn when the request left the waitlist.";
			case OPEN, EXPIRED -> "This offer ended at " + TIME.format(offer.expires().atZone(clinic.zone()))
					+ " and has gone to the next person waiting. You stay on the waitlist.";
		};
	}

}
