package org.backcare.notes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.backcare.account.CurrentUser;
import org.backcare.assessment.BodyDiagram;
import org.backcare.assessment.PainRegion;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentId;
import org.backcare.booking.AppointmentStatus;
import org.backcare.booking.Bookings;
import org.backcare.client.Clients;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.platform.Forbidden;
import org.backcare.platform.FormFields;
import org.backcare.platform.InvalidRequest;
import org.backcare.platform.RecordNotFound;
import org.backcare.therapist.Technique;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's note as a page ({@code /sessions/{id}/note}): the therapist's SOAP form
 * with the areas treated (a row per region of the body map, with technique and pressure)
 * while it is a draft; the signed note with its amendments, the amendment form and
 * sharing once signed; read-only for the rest of the care team and, once shared, for the
 * client.
 */
@Controller
class NotePages {

	static final String PAGE = "notes/note";

	static final String MINE = "notes/mine";

	/** How the body map shades each pressure (the pain map's light, middle and dark). */
	private static final Map<TreatmentPressure, Integer> SHADE = Map.of(TreatmentPressure.LIGHT, 2,
			TreatmentPressure.MEDIUM, 5, TreatmentPressure.FIRM, 9);

	private final SessionNotes notes;

	private final Bookings bookings;

	private final Clinics clinics;

	private final Clients clients;

	private final Therapists therapists;

	private final NoteRetention retention;

	private final Clock clock;

	NotePages(SessionNotes notes, Bookings bookings, Clinics clinics, Clients clients, Therapists therapists,
			NoteRetention retention, Clock clock) {
		this.clock = clock;
		this.notes = notes;
		this.bookings = bookings;
		this.clinics = clinics;
		this.clients = clients;
		this.therapists = therapists;
		this.retention = retention;
	}

	/** A row of the areas form: the region, and what was done there if it was treated. */
	record AreaRow(PainRegion region, boolean treated, Technique technique, TreatmentPressure pressure) {

		public String key() {
			return this.region.name();
		}

	}

	@GetMapping("/sessions/{id}/note")
	String note(@PathVariable UUID id, Model model) {
		CurrentUser me = CurrentUser.required();
		Optional<SessionNote> note = this.notes.ofSession(me, new AppointmentId(id));
		return show(me, id, note.orElse(null), (note.isPresent()) ? note.get().content() : NoteContent.EMPTY, model);
	}

	/** A client's notes their therapists shared, the latest session first. */
	@GetMapping("/me/notes")
	String mine(Model model) {
		CurrentUser me = CurrentUser.required();
		if (me.client() == null) {
			throw new Forbidden("These are a client's own notes; staff find notes on the day and the calendar.");
		}
		Clinic clinic = this.clinics.get(me.clinic());
		model.addAttribute("notes",
				this.notes.ofClient(me, me.client())
					.stream()
					.map(note -> new Shared(note, clinic.localTime(note.sessionStart()),
							this.therapists.name(note.therapistId())))
					.toList());
		return MINE;
	}

	/** A shared note as the client's list shows it. */
	record Shared(SessionNote note, java.time.OffsetDateTime start, String therapist) {
	}

	@PostMapping("/sessions/{id}/note")
	String save(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.required();
		NoteContent content;
		try {
			content = content(form);
		}
		catch (InvalidRequest wrong) {
			model.addAttribute("error", wrong.getMessage());
			return show(me, id, this.notes.ofSession(me, new AppointmentId(id)).orElse(null), NoteContent.EMPTY, model);
		}
		try {
			SessionNotes.Saved saved = this.notes.save(me, new AppointmentId(id), content);
			redirect.addFlashAttribute("done", "Draft saved.");
			redirect.addFlashAttribute("warnings", saved.warnings());
			return "redirect:/sessions/" + id + "/note";
		}
		catch (SessionNotes.NoteRefused refused) {
			model.addAttribute("error", refused.getMessage());
			return show(me, id, this.notes.ofSession(me, new AppointmentId(id)).orElse(null), content, model);
		}
	}

	@PostMapping("/sessions/{id}/note/from-last")
	String fromLast(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			SessionNotes.Saved saved = this.notes.startFromLast(CurrentUser.required(), new AppointmentId(id));
			redirect.addFlashAttribute("done", "Started from your last note for this client. Check it and save.");
			redirect.addFlashAttribute("warnings", saved.warnings());
		}
		catch (SessionNotes.NoteRefused refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return "redirect:/sessions/" + id + "/note";
	}

	@PostMapping("/sessions/{id}/note/sign")
	String sign(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.notes.sign(CurrentUser.required(), new AppointmentId(id));
			redirect.addFlashAttribute("done", "Signed. The note is final; corrections are added as amendments.");
		}
		catch (SessionNotes.NoteRefused refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return "redirect:/sessions/" + id + "/note";
	}

	@PostMapping("/notes/{id}/amend")
	String amend(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.required();
		SessionNote note = this.notes.read(me, new NoteId(id));
		try {
			this.notes.amend(me, note.id(), reason, text);
			redirect.addFlashAttribute("done", "Amendment signed and added under the note.");
		}
		catch (InvalidRequest | SessionNotes.NoteRefused refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
			redirect.addFlashAttribute("amendReason", reason);
			redirect.addFlashAttribute("amendText", text);
		}
		return "redirect:/sessions/" + note.appointmentId().value() + "/note";
	}

	@PostMapping("/notes/{id}/share")
	String share(@PathVariable UUID id, @RequestParam(required = false) String shared, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.required();
		SessionNote note = this.notes.read(me, new NoteId(id));
		boolean share = "true".equals(shared);
		try {
			this.notes.share(me, note.id(), share);
			redirect.addFlashAttribute("done",
					share ? "Shared: the client can read this note." : "No longer shared with the client.");
		}
		catch (SessionNotes.NoteRefused refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return "redirect:/sessions/" + note.appointmentId().value() + "/note";
	}

	private String show(CurrentUser me, UUID id, SessionNote note, NoteContent content, Model model) {
		Appointment session = this.bookings.find(new AppointmentId(id))
			.orElseThrow(() -> new RecordNotFound("Appointment", id));
		Clinic clinic = this.clinics.get(session.clinicId());
		boolean writer = me.isTherapist(session.therapistId());
		boolean held = session.status() == AppointmentStatus.BOOKED || session.status() == AppointmentStatus.COMPLETED;
		boolean begun = !session.start().isAfter(this.clock.instant());
		model.addAttribute("appointment", session);
		model.addAttribute("clinic", clinic);
		model.addAttribute("start", clinic.localTime(session.start()));
		model.addAttribute("end", clinic.localTime(session.end()));
		model.addAttribute("service", this.clinics.service(clinic.id(), session.service()).name());
		model.addAttribute("therapist", this.therapists.name(session.therapistId()));
		model.addAttribute("clientName",
				me.isClient(session.clientId()) ? null : this.clients.get(session.clientId()).name());
		model.addAttribute("note", note);
		model.addAttribute("editing", writer && held && begun && (note == null || !note.signed()));
		model.addAttribute("notYet", writer && !begun);
		model.addAttribute("writer", writer);
		model.addAttribute("content", content);
		model.addAttribute("rows", rows(content));
		model.addAttribute("techniques", Technique.values());
		model.addAttribute("pressures", TreatmentPressure.values());
		model.addAttribute("back", BodyDiagram.BACK);
		model.addAttribute("front", BodyDiagram.FRONT);
		Map<String, Integer> levels = new HashMap<>();
		Map<String, String> words = new HashMap<>();
		content.areas().forEach(area -> {
			levels.put(area.region().name(), SHADE.get(area.pressure()));
			words.put(area.region().name(), area.pressure().label().toLowerCase(Locale.ROOT) + " pressure"
					+ ((area.technique() != null) ? ", " + area.technique().displayName() : ""));
		});
		model.addAttribute("levels", levels);
		model.addAttribute("words", words);
		if (note != null && note.signed()) {
			model.addAttribute("signedAt", clinic.localTime(note.signature().signedAt()));
			model.addAttribute("keptUntil", this.retention.keptUntil(note.clientId()));
		}
		return PAGE;
	}

	private static List<AreaRow> rows(NoteContent content) {
		Map<PainRegion, TreatedArea> treated = new EnumMap<>(PainRegion.class);
		content.areas().forEach(area -> treated.put(area.region(), area));
		List<AreaRow> rows = new ArrayList<>();
		for (PainRegion region : PainRegion.values()) {
			TreatedArea area = treated.get(region);
			rows.add((area != null) ? new AreaRow(region, true, area.technique(), area.pressure())
					: new AreaRow(region, false, null, null));
		}
		return rows;
	}

	/**
	 * The note as the form sends it: the SOAP texts, pain and minutes, and for each
	 * region ticked as treated its technique and pressure (medium when none is chosen).
	 */
	static NoteContent content(MultiValueMap<String, String> form) {
		List<TreatedArea> areas = new ArrayList<>();
		List<String> treated = form.getOrDefault("treated", List.of());
		for (String name : treated) {
			PainRegion region = parse(PainRegion.class, name, "area");
			Technique technique = parse(Technique.class, form.getFirst("technique_" + region.name()), "technique");
			TreatmentPressure pressure = parse(TreatmentPressure.class, form.getFirst("pressure_" + region.name()),
					"pressure");
			areas.add(new TreatedArea(region, technique, (pressure != null) ? pressure : TreatmentPressure.MEDIUM));
		}
		return new NoteContent(form.getFirst("subjective"),
				FormFields.wholeNumber(form.getFirst("painNow"), "Pain now"), form.getFirst("objective"),
				form.getFirst("assessment"), form.getFirst("plan"),
				FormFields.wholeNumber(form.getFirst("minutes"), "Minutes"), areas);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
		E parsed = FormFields.choice(type, value, what);
		if (parsed == null && "area".equals(what)) {
			throw new InvalidRequest("An area ticked as treated has no name.");
		}
		return parsed;
	}

}
