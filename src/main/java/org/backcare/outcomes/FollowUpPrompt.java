package org.backcare.outcomes;

import java.util.Optional;

import org.backcare.account.CurrentUser;
import org.backcare.booking.ClientPrompt;

import org.springframework.stereotype.Component;

/** "My appointments" asks the client for a follow-up when one is due. */
@Component
class FollowUpPrompt implements ClientPrompt {

	private final Outcomes outcomes;

	FollowUpPrompt(Outcomes outcomes) {
		this.outcomes = outcomes;
	}

	@Override
	public Optional<Prompt> promptFor(CurrentUser client) {
		return this.outcomes.followUpDue(client)
			.map(why -> new Prompt(why, "Answer the follow-up (about 3 minutes)", "/me/follow-up"));
	}

}
