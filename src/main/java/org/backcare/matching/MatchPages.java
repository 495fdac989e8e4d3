package org.backcare.matching;

import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinics;
import org.backcare.platform.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A client's ranked matches (the client, or the front desk choosing a client). */
@Controller
class MatchPages {

	static final String MATCHES = "matching/matches";

	private final Clinics clinics;

	private final Matches matches;

	private final Clients clients;

	MatchPages(Clinics clinics, Matches matches, Clients clients) {
		this.clinics = clinics;
		this.matches = matches;
		this.clients = clients;
	}

	@GetMapping("/match")
	String matches(@RequestParam(required = false) UUID client, Model model) {
		CurrentUser caller = CurrentUser.required();
		ClientId who = (caller.client() != null) ? caller.client() : (client != null) ? new ClientId(client) : null;
		model.addAttribute("forOther", caller.client() == null);
		if (who == null) {
			model.addAttribute("clients", this.clients.current(caller.clinic()));
			return MATCHES;
		}
		model.addAttribute("client", this.clients.get(who));
		try {
			Matches.MatchList list = this.matches.forClient(caller, who);
			model.addAttribute("list", list);
			model.addAttribute("clinic", this.clinics.get(caller.clinic()));
		}
		catch (Matches.MatchRefused refused) {
			model.addAttribute("refused", refused.getMessage());
		}
		catch (ProblemException notFound) {
			throw notFound;
		}
		return MATCHES;
	}

}
