package org.backcare.plan;

import java.util.List;
import java.util.Optional;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The therapists' decisions on proposals for a client's sessions: in the client's export
 * (they are about them); erased with the client (the signed notes they act on keep the
 * treatment record).
 */
@Component
@Order(70)
class PlansOfClient implements PersonalData {

	private final PlanDecisionRepository decisions;

	PlansOfClient(PlanDecisionRepository decisions) {
		this.decisions = decisions;
	}

	@Override
	public String part() {
		return "planDecisions";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		List<PlanDecision> all = this.decisions.ofClient(client);
		return all.isEmpty() ? Optional.empty() : Optional.of(all);
	}

	@Override
	public void erase(ClientId client) {
		this.decisions.forgetClient(client);
	}

}
