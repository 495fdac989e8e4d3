package org.backcare.privacy;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletException;

import org.backcare.account.CurrentUser;
import org.backcare.client.Client;
import org.backcare.client.Clients;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "My details": the client's own page for what the API offers them — their name and phone
 * number, a download of everything BackCare holds about them, and erasure, with what
 * erasure removes and what the clinic keeps said before they confirm.
 */
@Controller
class MyDetailsPage {

	static final String PAGE = "privacy/me";

	static final int MAX_NAME = 200;

	static final int MAX_PHONE = 40;

	private final MyData data;

	private final Clients clients;

	MyDetailsPage(MyData data, Clients clients) {
		this.data = data;
		this.clients = clients;
	}

	@GetMapping("/me")
	String page(@RequestParam(required = false) String saved, Model model) {
		Client me = this.clients.get(MyData.client(CurrentUser.required()).client());
		model.addAttribute("me", me);
		model.addAttribute("name", me.name());
		model.addAttribute("phone", me.phone());
		model.addAttribute("saved", saved != null);
		model.addAttribute("kept", this.data.keptOnErasure(CurrentUser.required()));
		return PAGE;
	}

	@PostMapping("/me/profile")
	String save(@RequestParam(required = false) String name, @RequestParam(required = false) String phone,
			Model model) {
		CurrentUser caller = MyData.client(CurrentUser.required());
		String newName = (name != null) ? name.strip() : "";
		String newPhone = (phone != null) ? phone.strip() : "";
		String problem = newName.isEmpty() ? "Please give your name."
				: (newName.length() > MAX_NAME) ? "Your name can have at most " + MAX_NAME + " characters."
						: (newPhone.length() > MAX_PHONE)
								? "A phone number can have at most " + MAX_PHONE + " characters." : null;
		if (problem != null) {
			model.addAttribute("me", this.clients.get(caller.client()));
			model.addAttribute("name", name);
			model.addAttribute("phone", phone);
			model.addAttribute("problem", problem);
			model.addAttribute("kept", this.data.keptOnErasure(caller));
			return PAGE;
		}
		this.clients.updateContact(caller.client(), newName, newPhone);
		return "redirect:/me?saved";
	}

	/** Everything BackCare holds about the client, as the API gives it, to save. */
	@GetMapping("/me/data")
	@ResponseBody
	ResponseEntity<Map<String, Object>> download() {
		return PrivacyController.download(this.data.export(CurrentUser.required()));
	}

	@PostMapping("/me/erasure")
	String erase(@RequestParam(required = false) String confirm, HttpServletRequest request, Model model)
			throws ServletException {
		CurrentUser caller = MyData.client(CurrentUser.required());
		if (!"yes".equals(confirm)) {
			model.addAttribute("me", this.clients.get(caller.client()));
			model.addAttribute("name", this.clients.get(caller.client()).name());
			model.addAttribute("phone", this.clients.get(caller.client()).phone());
			model.addAttribute("eraseProblem", "Tick the box to confirm that everything is to be erased.");
			model.addAttribute("kept", this.data.keptOnErasure(caller));
			return PAGE;
		}
		this.data.erase(caller);
		// The account is closed: this sign-in ends here too.
		request.logout();
		return "redirect:/login?erased";
	}

}
