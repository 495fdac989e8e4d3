package org.backcare.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.backcare.client.ClientId;
import org.backcare.client.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A client's places on the waitlist, with the offers made to them, in their export; on
 * erasure they are deleted (the clinic keeps no statistics of them).
 */
@Component
@Order(50)
class WaitlistOfClient implements PersonalData {

	private final WaitlistRepository waitlist;

	WaitlistOfClient(WaitlistRepository waitlist) {
		this.waitlist = waitlist;
	}

	@Override
	public String part() {
		return "waitlist";
	}

	@Override
	public Optional<?> exportOf(ClientId client) {
		List<Exported> requests = this.waitlist.ofClient(client)
			.stream()
			.map(request -> new Exported(request.id(), request.service(),
					(request.therapist() != null) ? request.therapist().value() : null,
					(request.technique() != null) ? request.technique().name() : null, request.firstDay(),
					request.lastDay(), request.windowsInWords(), request.status().name(), request.createdAt(),
					this.waitlist.offersOf(request.id())
						.stream()
						.map(offer -> new ExportedOffer(offer.therapist().value(), offer.start(), offer.offeredAt(),
								offer.status().name()))
						.toList()))
			.toList();
		return requests.isEmpty() ? Optional.empty() : Optional.of(requests);
	}

	@Override
	public void erase(ClientId client) {
		this.waitlist.forgetClient(client);
	}

	record Exported(UUID id, String service, UUID therapistId, String technique, LocalDate from, LocalDate until,
			String windows, String status, Instant createdAt, List<ExportedOffer> offers) {
	}

	record ExportedOffer(UUID therapistId, Instant start, Instant offeredAt, String status) {
	}

}
