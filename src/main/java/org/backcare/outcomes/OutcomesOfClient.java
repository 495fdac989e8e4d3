package org.backcare.outcomes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A client's follow-ups, chosen baselines and signed progress summaries in their export;
 * on erasure the follow-ups and baseline choices go, and the signed summaries stay, as
 * signed notes do (they are the therapist's clinical record, naming the client as
 * signed).
 */
@Component
@Order(60)
class OutcomesOfClient implements PersonalData {

	private final OutcomeRepository outcomes;

	OutcomesOfClient(OutcomeRepository outcomes) {
		this.outcomes = outcomes;
	}

	@Override
	public String part() {
		return "outcomes";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("followUps", this.outcomes.followUps(client));
		part.put("baseline", this.outcomes.baseline(client).orElse(null));
		part.put("progressSummaries", this.outcomes.summaries(client));
		return Optional.of(part);
	}

	@Override
	public void erase(ClientId client) {
		this.outcomes.forgetClient(client);
	}

	@Override
	public Optional<String> keptOnErasure(ClientId client) {
		List<ProgressSummary> signed = this.outcomes.summaries(client);
		if (signed.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(((signed.size() == 1) ? "The progress summary signed by your therapist stays"
				: "The " + signed.size() + " progress summaries signed by your therapists stay")
				+ " in the clinic's records with your treatment notes, for as long as the notes are kept.");
	}

}
