package org.backcare.plan;

import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinics;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The client's chart as a timeline ({@code /clients/{id}/chart}), for the care team. */
@Controller
class ChartPage {

	private final ClientChart chart;

	private final Clients clients;

	private final Clinics clinics;

	ChartPage(ClientChart chart, Clients clients, Clinics clinics) {
		this.chart = chart;
		this.clients = clients;
		this.clinics = clinics;
	}

	@GetMapping("/clients/{id}/chart")
	String chart(@PathVariable UUID id, Model model) {
		CurrentUser me = CurrentUser.required();
		model.addAttribute("entries", this.chart.of(me, new ClientId(id)));
		model.addAttribute("client", this.clients.get(new ClientId(id)));
		model.addAttribute("zone", this.clinics.get(me.clinic()).zone());
		return "plan/chart";
	}

}
