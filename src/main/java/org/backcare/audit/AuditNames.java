package org.backcare.audit;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backcare.account.Accounts;
import org.backcare.account.CurrentUser;
import org.backcare.client.Client;
import org.backcare.client.Clients;
import org.backcare.clinic.ClinicId;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.Therapists;

/**
 * The people of one clinic by id, so the audit page can say "Anna Keller (therapist)"
 * where the log holds an account id. Loaded once per page: three queries, however many
 * entries are shown. An erased client's name is gone; the page says so instead of showing
 * an id.
 */
final class AuditNames {

	static final String ERASED = "erased client";

	private final Map<UUID, String> accounts = new HashMap<>();

	private final Map<UUID, String> clients = new HashMap<>();

	private final Map<UUID, String> therapists = new HashMap<>();

	private final Map<UUID, Boolean> erased = new HashMap<>();

	private AuditNames() {
	}

	static AuditNames of(ClinicId clinic, Accounts accounts, Clients clients, Therapists therapists) {
		AuditNames names = new AuditNames();
		for (Client client : clients.all(clinic)) {
			names.clients.put(client.id().value(), client.name());
			names.erased.put(client.id().value(), client.erased());
		}
		for (Therapist therapist : therapists.everyone(clinic)) {
			names.therapists.put(therapist.id().value(), therapist.name());
		}
		for (CurrentUser account : accounts.all(clinic)) {
			String name = (account.client() != null) ? names.client(account.client().value())
					: (account.therapist() != null)
							? names.therapists.getOrDefault(account.therapist().value(), account.email())
							: account.email();
			names.accounts.put(account.id().value(), name);
		}
		return names;
	}

	/**
	 * Who acted: a person's name and role, BackCare itself, or nobody known (a sign-in
	 * with an unknown address).
	 */
	String actor(UUID account, String role) {
		if (account == null) {
			return (role == null) ? "BackCare (no one signed in)" : "unknown";
		}
		String name = this.accounts.getOrDefault(account, "a closed account");
		return (role != null) ? name + " (" + role.toLowerCase() + ")" : name;
	}

	String client(UUID client) {
		if (client == null) {
			return "—";
		}
		if (this.erased.getOrDefault(client, false)) {
			return ERASED;
		}
		return this.clients.getOrDefault(client, "a client of another clinic");
	}

	/** The record: its kind, and for a therapist's credentials whose they are. */
	String record(String type, UUID id) {
		if (type == null) {
			return "—";
		}
		if (("therapist".equals(type) || "schedule".equals(type)) && this.therapists.containsKey(id)) {
			return type + " of " + this.therapists.get(id);
		}
		return type;
	}

	/** Everyone who can appear as an actor, by name, for the filter. */
	List<Person> people() {
		return this.accounts.entrySet()
			.stream()
			.map(entry -> new Person(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/**
	 * The clients whose records can be looked up; erased clients are listed once, as
	 * such.
	 */
	List<Person> clientsForPicker() {
		return this.clients.keySet()
			.stream()
			.filter(id -> !this.erased.getOrDefault(id, false))
			.map(id -> new Person(id, this.clients.get(id)))
			.sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	record Person(UUID id, String name) {
	}

}
