package org.backcare.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.client.Client;
import org.backcare.client.ClientId;
import org.backcare.client.Clients;
import org.backcare.platform.InvalidRequest;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Who a booking form books for: the client themselves, or the client the front desk
 * finds.
 */
@Component
class ClientPicker {

	private final Clients clients;

	ClientPicker(Clients clients) {
		this.clients = clients;
	}

	/**
	 * A client books for themselves. The front desk finds the client: the search and what
	 * it found, with the client chosen before (after a refusal) kept on top.
	 */
	void pick(Model model, String find, UUID selected) {
		CurrentUser caller = CurrentUser.required();
		model.addAttribute("selfBooking", caller.client() != null);
		if (caller.client() != null) {
			model.addAttribute("clients", List.of(this.clients.get(caller.client())));
			model.addAttribute("selectedClient", caller.client().value());
			return;
		}
		if (find != null && find.length() > 100) {
			throw new InvalidRequest("Search with at most 100 characters.");
		}
		List<Client> found = new ArrayList<>();
		if (selected != null) {
			this.clients.find(new ClientId(selected))
				.filter(chosen -> chosen.clinicId().equals(caller.clinic()) && !chosen.erased())
				.ifPresent(found::add);
		}
		this.clients.search(caller.clinic(), find)
			.stream()
			.filter(client -> found.stream().noneMatch(kept -> kept.id().equals(client.id())))
			.forEach(found::add);
		model.addAttribute("find", find);
		model.addAttribute("clients", found);
		model.addAttribute("selectedClient",
				(selected != null) ? selected : (found.size() == 1) ? found.get(0).id().value() : null);
		model.addAttribute("searchLimit", Clients.SEARCH_LIMIT);
	}

}
