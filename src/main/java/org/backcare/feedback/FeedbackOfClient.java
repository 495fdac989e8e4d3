package org.backcare.feedback;

import java.util.List;
import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A client's feedback in their export; erased with them (it is their own word). */
@Component
@Order(80)
class FeedbackOfClient implements PersonalData {

	private final FeedbackRepository feedback;

	FeedbackOfClient(FeedbackRepository feedback) {
		this.feedback = feedback;
	}

	@Override
	public String part() {
		return "sessionFeedback";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		List<SessionFeedback> all = this.feedback.ofClient(client);
		return all.isEmpty() ? Optional.empty() : Optional.of(all);
	}

	@Override
	public void erase(ClientId client) {
		this.feedback.forgetClient(client);
	}

}
