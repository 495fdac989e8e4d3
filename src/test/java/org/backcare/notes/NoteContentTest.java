package org.backcare.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.backcare.assessment.PainRegion;
import org.backcare.booking.AppointmentId;
import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;
import org.backcare.platform.InvalidRequest;
import org.backcare.therapist.Technique;
import org.backcare.therapist.TherapistId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a note may say, at its limits, and the signature that shows when a signed note was
 * changed behind BackCare's back.
 */
class NoteContentTest {

	@Test
	void painIsOnTheZeroToTenScale() {
		assertThat(content(0, 50).painNow()).isZero();
		assertThat(content(10, 50).painNow()).isEqualTo(10);
		assertThatThrownBy(() -> content(-1, 50)).isInstanceOf(InvalidRequest.class).hasMessageContaining("0–10");
		assertThatThrownBy(() -> content(11, 50)).isInstanceOf(InvalidRequest.class);
	}

	@Test
	void aTreatmentLastsOneMinuteToFourHours() {
		assertThat(content(5, 1).minutes()).isEqualTo(1);
		assertThat(content(5, 240).minutes()).isEqualTo(240);
		assertThatThrownBy(() -> content(5, 0)).isInstanceOf(InvalidRequest.class);
		assertThatThrownBy(() -> content(5, 241)).isInstanceOf(InvalidRequest.class);
	}

	@Test
	void eachAreaOnce_inTheBodyMapsOrder_textsAtMost4000Characters() {
		TreatedArea neck = new TreatedArea(PainRegion.NECK, null, TreatmentPressure.LIGHT);
		TreatedArea back = new TreatedArea(PainRegion.MID_BACK, Technique.SWEDISH, TreatmentPressure.FIRM);
		assertThat(new NoteContent("", null, "", "", "", null, List.of(back, neck)).areas()).containsExactly(neck,
				back);
		assertThatThrownBy(() -> new NoteContent("", null, "", "", "", null, List.of(neck, neck)))
			.isInstanceOf(InvalidRequest.class)
			.hasMessageContaining("Neck is named twice");
		assertThat(new NoteContent("x".repeat(4000), null, "", "", "", null, List.of()).subjective()).hasSize(4000);
		assertThatThrownBy(() -> new NoteContent("x".repeat(4001), null, "", "", "", null, List.of()))
			.isInstanceOf(InvalidRequest.class);
		assertThat(NoteContent.EMPTY.saysSomething()).isFalse();
		assertThat(new NoteContent("", null, "", "", "", null, List.of(neck)).saysSomething()).isTrue();
	}

	@Test
	void aSignedNoteChangedBehindBackCaresBackNoLongerMatchesItsSignature() {
		SessionNote signed = signed(content(6, 50));
		assertThat(signed.intact()).isTrue();
		SessionNote changed = new SessionNote(signed.id(), signed.clinicId(), signed.appointmentId(), signed.clientId(),
				signed.therapistId(), signed.sessionStart(), content(5, 50), signed.createdAt(), signed.updatedAt(),
				signed.signature(), List.of(), false);
		assertThat(changed.intact()).isFalse();
		Amendment amendment = new Amendment(UUID.randomUUID(), "why", "what", Instant.EPOCH, UUID.randomUUID(), "Anna",
				null, null);
		Amendment sealed = new Amendment(amendment.id(), "why", "what", Instant.EPOCH, amendment.authorAccountId(),
				"Anna", null, ContentHash.of(signed.signature().contentHash(), amendment));
		assertThat(withAmendment(signed, sealed).intact()).isTrue();
		Amendment altered = new Amendment(sealed.id(), "why", "something else", Instant.EPOCH, sealed.authorAccountId(),
				"Anna", null, sealed.contentHash());
		assertThat(withAmendment(signed, altered).intact()).isFalse();
	}

	private static SessionNote withAmendment(SessionNote note, Amendment amendment) {
		return new SessionNote(note.id(), note.clinicId(), note.appointmentId(), note.clientId(), note.therapistId(),
				note.sessionStart(), note.content(), note.createdAt(), note.updatedAt(), note.signature(),
				List.of(amendment), false);
	}

	private static SessionNote signed(NoteContent content) {
		SessionNote draft = new SessionNote(new NoteId(UUID.randomUUID()), new ClinicId(UUID.randomUUID()),
				new AppointmentId(UUID.randomUUID()), new ClientId(UUID.randomUUID()),
				new TherapistId(UUID.randomUUID()), Instant.EPOCH, content, Instant.EPOCH, Instant.EPOCH,
				new Signature(Instant.EPOCH, UUID.randomUUID(), "Anna", "Berlin 1", "Maria", LocalDate.of(1980, 1, 1),
						null),
				List.of(), false);
		Signature signature = draft.signature();
		return new SessionNote(draft.id(), draft.clinicId(), draft.appointmentId(), draft.clientId(),
				draft.therapistId(), draft.sessionStart(), content, draft.createdAt(), draft.updatedAt(),
				new Signature(signature.signedAt(), signature.signedBy(), "Anna", "Berlin 1", "Maria",
						signature.clientBorn(), ContentHash.of(draft)),
				List.of(), false);
	}

	private static NoteContent content(int pain, int minutes) {
		return new NoteContent("reports", pain, "", "", "", minutes, List.of());
	}

}
