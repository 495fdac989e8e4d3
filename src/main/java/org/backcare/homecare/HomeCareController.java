package org.backcare.homecare;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.backcare.account.CurrentUser;
import org.backcare.client.ClientId;
import org.backcare.platform.RequestKeys;
import org.backcare.homecare.HomeCareCatalogue.Offered;
import org.backcare.homecare.HomeLogEntry.Difficulty;
import org.backcare.homecare.HomeLogEntry.NotDone;
import org.backcare.platform.InvalidRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Home care through the API: a client's plan (every version, and the catalogue offered
 * for it), the log and weekly adherence, the client's own reminders, and the clinic's
 * nudge setting.
 */
@RestController
@Tag(name = "Home care")
@SecurityRequirement(name = "bearer")
class HomeCareController {

	private final HomeCare homeCare;

	HomeCareController(HomeCare homeCare) {
		this.homeCare = homeCare;
	}

	@GetMapping("/api/v1/clients/{id}/home-plan")
	@ApiResponse(responseCode = "200",
			description = "The plan in force (null items before any) and this week's adherence")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@Operation(summary = "A client's home plan",
			description = "For the client, the clinic's admins and therapists who have met the client. Audited.")
	HomeCareView plan(@PathVariable UUID id, @RequestParam(defaultValue = "4") @Min(1) @Max(52) @Parameter(
			description = "How many weeks of adherence, this week first (1–52)") int weeks) {
		return view(this.homeCare.checked(CurrentUser.required(), new ClientId(id), weeks).overview());
	}

	@GetMapping("/api/v1/clients/{id}/home-plan/versions")
	@ApiResponse(responseCode = "200", description = "Every version, the latest first")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@Operation(summary = "Every version of a client's home plan")
	List<HomePlanView> versions(@PathVariable UUID id) {
		return this.homeCare.versions(CurrentUser.required(), new ClientId(id))
			.stream()
			.map(HomeCareController::view)
			.toList();
	}

	@GetMapping("/api/v1/clients/{id}/home-plan/offer")
	@ApiResponse(responseCode = "200", description = "Each catalogue item: proposed, offered or ruled out (and why)")
	@ApiResponse(responseCode = "403", description = "The client, or a therapist who has not met them")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@Operation(summary = "The items offered for a client's home plan",
			description = "From the recommendation's home-care themes and the client's contraindications, each rule "
					+ "with its source.")
	List<HomeOfferedItem> offer(@PathVariable UUID id) {
		return this.homeCare.offer(CurrentUser.required(), new ClientId(id))
			.stream()
			.map(HomeCareController::view)
			.toList();
	}

	@PutMapping("/api/v1/clients/{id}/home-plan")
	@ApiResponse(responseCode = "200", description = "Written: the new version")
	@ApiResponse(responseCode = "400", description = "An unknown item, an item twice, a dose out of range")
	@ApiResponse(responseCode = "403", description = "The client, or a therapist who has not met them")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@ApiResponse(responseCode = "409",
			description = "'home-plan-changed': another version was saved meanwhile (or at the same moment): reload")
	@ApiResponse(responseCode = "410", description = "The client was erased")
	@ApiResponse(responseCode = "422", description = "'ruled-out': an item the client's contraindications rule out")
	@Operation(summary = "Write a new version of a client's home plan",
			description = "The earlier versions are kept. By the clinic's admins and therapists who have met the client.")
	HomePlanView write(@PathVariable UUID id, @Valid @RequestBody HomePlanBody body,
			@Parameter(description = RequestKeys.IDEMPOTENCY) @RequestHeader(name = "Idempotency-Key",
					required = false) @Size(min = 1, max = 64) @Pattern(regexp = "[\\x21-\\x7E]+",
							message = "must be printable ASCII without spaces") String idempotencyKey) {
		return view(this.homeCare.write(CurrentUser.required(), new ClientId(id),
				body.items()
					.stream()
					.map(item -> new HomeCare.ItemChoice(item.item(), item.instruction(), item.timesPerDay(),
							item.daysPerWeek(), item.minutes()))
					.toList(),
				body.note(), RequestKeys.fromApi(idempotencyKey), body.basedOnVersion()));
	}

	@PostMapping("/api/v1/clients/{id}/home-log")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Logged")
	@ApiResponse(responseCode = "400",
			description = "A day in the future or over a week back, pain outside 0–10, "
					+ "a reason for an item done or none for one not done")
	@ApiResponse(responseCode = "403", description = "Not the client: the client logs their own home care")
	@ApiResponse(responseCode = "404", description = "No such client (for the caller)")
	@ApiResponse(responseCode = "410", description = "The client was erased")
	@ApiResponse(responseCode = "422", description = "'no-plan' or 'not-in-plan'")
	@Operation(summary = "Log a home-care item for a day",
			description = "Done (with pain 0–10 and how hard, both optional) or not done (with why). The day's latest "
					+ "entry for an item counts. Pain of 7 or more tells the care team, once a day.")
	HomeLogView log(@PathVariable UUID id, @Valid @RequestBody HomeLogBody body,
			@Parameter(description = RequestKeys.IDEMPOTENCY) @RequestHeader(name = "Idempotency-Key",
					required = false) @Size(min = 1, max = 64) @Pattern(regexp = "[\\x21-\\x7E]+",
							message = "must be printable ASCII without spaces") String idempotencyKey) {
		return view(
				this.homeCare.log(
						CurrentUser.required(), new ClientId(id), new HomeCare.LogRequest(body.item(), body.day(),
								body.done(), body.pain(), body.difficulty(), body.reason()),
						RequestKeys.fromApi(idempotencyKey)));
	}

	@GetMapping("/api/v1/me/home-reminders")
	@ApiResponse(responseCode = "200", description = "The signed-in client's reminders")
	@ApiResponse(responseCode = "403", description = "Not a client")
	@Operation(summary = "My home-care reminders")
	HomeRemindersView reminders() {
		return view(this.homeCare.reminders(CurrentUser.required()));
	}

	@PutMapping("/api/v1/me/home-reminders")
	@ApiResponse(responseCode = "200", description = "Set; today's and tomorrow's are planned")
	@ApiResponse(responseCode = "400", description = "An unknown zone, an item not in the plan, a time twice, no day")
	@ApiResponse(responseCode = "403", description = "Not a client")
	@ApiResponse(responseCode = "422", description = "'no-plan': there is no plan to be reminded of")
	@Operation(summary = "Set my home-care reminders",
			description = "Each item at up to 3 local times, on chosen days, in the client's zone; quiet hours "
					+ "(from, until; may span midnight) silence any reminder in them.")
	HomeRemindersView setReminders(@Valid @RequestBody HomeRemindersBody body) {
		ZoneId zone;
		try {
			zone = ZoneId.of(body.zone());
		}
		catch (DateTimeException unknown) {
			throw new InvalidRequest("zone must be a time zone such as Europe/Oslo.");
		}
		return view(this.homeCare.setReminders(CurrentUser.required(), zone,
				body.reminders().stream().map(r -> new ReminderSettings.Reminder(r.item(), r.at(), r.days())).toList(),
				body.quietFrom(), body.quietUntil()));
	}

	@PostMapping("/api/v1/me/home-reminders/pause")
	@ApiResponse(responseCode = "200", description = "Paused: no reminder or nudge until resumed")
	@ApiResponse(responseCode = "403", description = "Not a client")
	@ApiResponse(responseCode = "422", description = "'no-reminders': none set yet")
	@Operation(summary = "Pause my home-care reminders")
	HomeRemindersView pause() {
		return view(this.homeCare.pause(CurrentUser.required()));
	}

	@PostMapping("/api/v1/me/home-reminders/resume")
	@ApiResponse(responseCode = "200", description = "Resumed")
	@ApiResponse(responseCode = "403", description = "Not a client")
	@ApiResponse(responseCode = "422", description = "'no-reminders': none set yet")
	@Operation(summary = "Resume my home-care reminders")
	HomeRemindersView resume() {
		return view(this.homeCare.resume(CurrentUser.required()));
	}

	@GetMapping("/api/v1/admin/home-care")
	@ApiResponse(responseCode = "200", description = "The clinic's home-care setting")
	@ApiResponse(responseCode = "403", description = "Not an admin")
	@Operation(summary = "The clinic's home-care setting")
	HomeCareSettingBody setting() {
		return new HomeCareSettingBody(this.homeCare.nudgeAfterDays(CurrentUser.required()));
	}

	@PutMapping("/api/v1/admin/home-care")
	@ApiResponse(responseCode = "200", description = "Set")
	@ApiResponse(responseCode = "400", description = "Days outside 1–14")
	@ApiResponse(responseCode = "403", description = "Not an admin")
	@Operation(summary = "Set after how many days without a log the nudge goes",
			description = "3 unless the clinic says; 1 to 14.")
	HomeCareSettingBody setSetting(@Valid @RequestBody HomeCareSettingBody body) {
		return new HomeCareSettingBody(this.homeCare.setNudgeAfterDays(CurrentUser.required(), body.nudgeAfterDays()));
	}

	record HomePlanBody(@Size(max = HomeCare.MAX_NOTE) String note,
			@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid HomeItemBody> items,
			@Min(0) @Max(100000) @Schema(description = "The version this change starts from (0: none yet); when "
					+ "another was saved meanwhile the change is refused with 409 'home-plan-changed'") Integer basedOnVersion) {
	}

	record HomeItemBody(@NotBlank @Size(max = 40) @Schema(example = "walk") String item,
			@Size(max = HomeCare.MAX_INSTRUCTION) String instruction, @Min(1) @Max(12) Integer timesPerDay,
			@Min(1) @Max(7) Integer daysPerWeek, @Min(1) @Max(120) Integer minutes) {
	}

	record HomeLogBody(@NotBlank @Size(max = 40) String item, @NotNull LocalDate day, @NotNull Boolean done,
			@Min(0) @Max(10) Integer pain, Difficulty difficulty, NotDone reason) {
	}

	record HomeRemindersBody(@NotBlank @Size(max = 60) @Schema(example = "Europe/Oslo") String zone,
			@NotNull @Size(max = 30) List<@NotNull @Valid HomeReminderBody> reminders,
			@Schema(example = "22:00") LocalTime quietFrom, @Schema(example = "07:00") LocalTime quietUntil) {
	}

	record HomeReminderBody(@NotBlank @Size(max = 40) String item, @NotNull @Schema(example = "08:00") LocalTime at,
			@NotNull @NotEmpty Set<@NotNull DayOfWeek> days) {
	}

	record HomeCareSettingBody(@NotNull @Min(1) @Max(HomeCare.MAX_NUDGE_DAYS) Integer nudgeAfterDays) {
	}

	record HomeCareView(UUID client, String zone, LocalDate today, HomePlanView plan, List<HomeWeekView> weeks,
			List<HomeLogView> recent,
			@Schema(description = "Items of the plan in force that the client's latest intake rules out, with why: held "
					+ "back (no reminders) until a new version drops them") java.util.Map<String, String> heldBack) {
	}

	record HomePlanView(UUID id, int version, Instant writtenAt, String writtenBy, String note,
			List<HomeItemView> items) {
	}

	record HomeItemView(String item, HomeItemKind kind, String title, String instruction, Integer timesPerDay,
			Integer daysPerWeek, Integer minutes, List<String> safety, String illustration) {
	}

	record HomeOfferedItem(HomeItemView item, boolean proposed, boolean offered, String ruledOut, String source) {
	}

	record HomeWeekView(LocalDate monday, Integer percent, int done, int asked, List<Adherence.ItemWeek> items) {
	}

	record HomeLogView(UUID id, String item, LocalDate day, boolean done, Integer pain, Difficulty difficulty,
			NotDone reason, Instant loggedAt) {
	}

	record HomeRemindersView(String zone, List<HomeReminderBody> reminders, LocalTime quietFrom, LocalTime quietUntil,
			boolean paused) {
	}

	static HomeCareView view(HomeCare.Overview overview) {
		return new HomeCareView(overview.client().id().value(), overview.zone().getId(), overview.today(),
				overview.current().map(HomeCareController::view).orElse(null),
				overview.weeks()
					.stream()
					.map(week -> new HomeWeekView(week.monday(), week.percent(), week.done(), week.asked(),
							week.items()))
					.toList(),
				overview.recent().stream().map(HomeCareController::view).toList(), overview.heldBack());
	}

	static HomePlanView view(HomePlan plan) {
		return new HomePlanView(plan.id(), plan.version(), plan.writtenAt(), plan.writtenBy(), plan.note(),
				plan.items().stream().map(HomeCareController::view).toList());
	}

	static HomeItemView view(HomeItem item) {
		return new HomeItemView(item.item(), item.kind(), item.title(), item.instruction(), item.timesPerDay(),
				item.daysPerWeek(), item.minutes(), item.safety(), item.illustration());
	}

	static HomeOfferedItem view(Offered offered) {
		return new HomeOfferedItem(view(offered.item()), offered.proposed(), offered.offered(), offered.ruledOut(),
				offered.source());
	}

	static HomeLogView view(HomeLogEntry entry) {
		return new HomeLogView(entry.id(), entry.item(), entry.day(), entry.done(), entry.pain(), entry.difficulty(),
				entry.reason(), entry.loggedAt());
	}

	static HomeRemindersView view(ReminderSettings settings) {
		return new HomeRemindersView(settings.zone().getId(),
				settings.reminders().stream().map(r -> new HomeReminderBody(r.item(), r.at(), r.days())).toList(),
				settings.quietFrom(), settings.quietUntil(), settings.paused());
	}

}
