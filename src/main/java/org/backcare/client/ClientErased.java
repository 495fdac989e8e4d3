package org.backcare.client;

import org.backcare.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The client asked for their personal data to be erased: 410 Gone, for good. Nothing new
 * can be recorded for them (a booking, an intake, a match); they may register again as a
 * new client.
 */
public class ClientErased extends ProblemException {

	ClientErased(ClientId id) {
		super(HttpStatus.GONE, "client-erased", "Client erased",
				"This client's personal data was erased at their request, so nothing new can be recorded for them. "
						+ "If they come back, they register again as a new client.");
	}

}
