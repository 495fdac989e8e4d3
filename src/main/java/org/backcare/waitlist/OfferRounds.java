package org.backcare.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.backcare.booking.Slot;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.therapist.Therapist;
import org.backcare.therapist.Therapists;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waitlist's timed job, on one node at a time every few seconds: offers not taken up
 * in time expire, requests past their last day end, and every opening that may have
 * someone (new) to offer to is offered to the first waiting clients in order who fit,
 * until three hold an open offer. An opening nobody fits, with no offer open, closes.
 * Each opening is offered in its own transaction under a lock on its row, and the offer's
 * mail is written in that transaction: an offer is made, and mailed, once.
 */
@Component
class OfferRounds {

	private final WaitlistRepository waitlist;

	private final FittingTimes fitting;

	private final Clinics clinics;

	private final Therapists therapists;

	private final WaitlistProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OfferRounds(WaitlistRepository waitlist, FittingTimes fitting, Clinics clinics, Therapists therapists,
			WaitlistProperties properties, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock) {
		this.waitlist = waitlist;
		this.fitting = fitting;
		this.clinics = clinics;
		this.therapists = therapists;
		this.properties = properties;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	void pass() {
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult(status -> {
			this.waitlist.expire(now);
			this.waitlist.endPast(now);
		});
		for (UUID opening : this.waitlist.due(now)) {
			this.transactions.executeWithoutResult(status -> offer(opening));
		}
	}

	private void offer(UUID id) {
		Optional<Opening> locked = this.waitlist.lockOpening(id);
		if (locked.isEmpty() || locked.get().closed()) {
			return;
		}
		Opening opening = locked.get();
		Instant now = this.clock.instant();
		if (!opening.time().end().isAfter(now)) {
			this.waitlist.close(opening.id(), now);
			return;
		}
		int open = this.waitlist.openOffers(opening.id()).size();
		Optional<Therapist> therapist = this.therapists.find(opening.therapist()).filter(Therapist::active);
		if (open < WaitlistProperties.OFFERED_AT_ONCE && therapist.isPresent()) {
			Clinic clinic = this.clinics.get(opening.clinic());
			LocalDate first = clinic.localDate(opening.time().start());
			LocalDate last = clinic.localDate(opening.time().end());
			for (WaitRequest request : this.waitlist.candidates(opening, first, last)) {
				Optional<Slot> slot = this.fitting.first(request, therapist.get(), opening.time(), clinic);
				if (slot.isPresent()) {
					offer(opening, request, slot.get(), now);
					if (++open == WaitlistProperties.OFFERED_AT_ONCE) {
						break;
					}
				}
			}
		}
		if (open == 0) {
			this.waitlist.close(opening.id(), now);
		}
		else {
			this.waitlist.offered(opening.id());
		}
	}

	private void offer(Opening opening, WaitRequest request, Slot slot, Instant now) {
		Offer offer = new Offer(UUID.randomUUID(), opening.id(), request.id(), slot.therapist(), slot.start(),
				slot.end(), now, now.plus(this.properties.offerLifetime()), Offer.Status.OPEN, null, null);
		this.waitlist.insert(offer);
		this.events.publishEvent(new WaitlistOffered(offer.id(), request.clinic(), request.client(), slot.therapist(),
				request.service(), slot.start(), slot.end(), offer.expires()));
	}

	/** The job: one node at a time, every {@code backcare.waitlist.pass-every}. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WaitlistProperties.class)
	static class Job {

		@Bean
		RecurringTask<Void> waitlistOffers(OfferRounds rounds, WaitlistProperties properties) {
			return Tasks.recurring("waitlist-offers", FixedDelay.of(properties.passEvery()))
				.execute((instance, context) -> rounds.pass());
		}

	}

}
