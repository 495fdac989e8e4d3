package org.backcare.matching;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Technique;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Matching")
@SecurityRequirement(name = "bearer")
class MatchController {

	private final Matches matches;

	private final Clinics clinics;

	MatchController(Matches matches, Clinics clinics) {
		this.matches = matches;
		this.clinics = clinics;
	}

	@GetMapping("/api/v1/clients/{id}/matches")
	@ApiResponse(responseCode = "200", description = "Ranked matches")
	@ApiResponse(responseCode = "410", description = "The client was erased")
	@ApiResponse(responseCode = "422", description = "The client must see a doctor first (medical-referral)")
	@Operation(summary = "Therapists for a client, best first, each with its score explained (the client, or admins)",
			description = "Hard filters: a licence valid today and certification in a technique recommended by the "
					+ "client's latest intake. 422 'medical-referral' while the intake asks for a doctor first.")
	MatchView matches(@PathVariable UUID id) {
		CurrentUser caller = CurrentUser.required();
		Matches.MatchList list = this.matches.forClient(caller, new ClientId(id));
		return new MatchView(list.needs().hasIntake(), list.needs().recommended(),
				list.matches().stream().map(match -> {
					var clinic = this.clinics.get(match.therapist().clinicId());
					return new MatchEntry(match.therapist().id().value(), match.therapist().name(), match.score(),
							match.reasons(),
							(match.firstConsultation() != null) ? clinic.localTime(match.firstConsultation()) : null);
				}).toList(),
				list.excluded()
					.stream()
					.map(excluded -> new ExcludedEntry(excluded.therapist().id().value(), excluded.therapist().name(),
							excluded.because()))
					.toList());
	}

	record MatchView(boolean basedOnIntake, List<Technique> recommended, List<MatchEntry> matches,
			List<ExcludedEntry> excluded) {
	}

	record MatchEntry(UUID therapistId, String name, double score, List<Match.Reason> reasons,
			OffsetDateTime firstConsultation) {
	}

	record ExcludedEntry(UUID therapistId, String name, String because) {
	}

}
