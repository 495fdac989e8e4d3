package org.backcare.outcomes;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;

import org.backcare.account.CurrentUser;
import org.backcare.audit.HealthRecord;
import org.backcare.audit.RecordAccess;
import org.backcare.audit.RecordAction;
import org.backcare.booking.Appointment;
import org.backcare.booking.AppointmentStatus;
import org.backcare.client.ClientId;
import org.backcare.clinic.Clinic;
import org.backcare.clinic.Clinics;
import org.backcare.homecare.HomeCare;
import org.backcare.intake.Intake;
import org.backcare.platform.InvalidRequest;
import org.jfree.chart.JFreeChart;
import org.backcare.therapist.Therapists;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The progress report a client takes to their doctor, as a tagged (PDF/UA) PDF built from
 * the {@code outcomes/report} template by openhtmltopdf: the clinic, the client, the
 * period, the intake's findings, the referral and any clearance, the sessions held and
 * missed, the techniques used, each measure's change against its minimal important change
 * with its chart, and the therapist's signed summary. Every download is audited.
 */
@Component
class ProgressReport {

	/** A font embedded in the PDF (PDF/UA asks for every font embedded): PDFBox's own. */
	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	/** The longest period one report covers. */
	static final int MAX_YEARS = 5;

	private final Outcomes outcomes;

	private final Clinics clinics;

	private final Therapists therapists;

	private final RecordAccess access;

	private final ITemplateEngine templates;

	private final Clock clock;

	private final HomeCare homeCare;

	ProgressReport(Outcomes outcomes, Clinics clinics, Therapists therapists, RecordAccess access,
			ITemplateEngine templates, Clock clock, HomeCare homeCare) {
		this.homeCare = homeCare;
		this.outcomes = outcomes;
		this.clinics = clinics;
		this.therapists = therapists;
		this.access = access;
		this.templates = templates;
		this.clock = clock;
	}

	/** The weeks of home-care adherence the report lists at most (this week first). */
	static final int HOME_WEEKS = 12;

	/** One kind of session and how many. */
	record Count(String what, long count) {
	}

	/** A measure in the report: its series within the period, and its chart. */
	record Measure(Series series, JFreeChart chart) {
	}

	/**
	 * The report on the client's care from {@code from} to {@code to} (null: from the
	 * baseline, to today), for the client and their care team.
	 */
	byte[] pdf(CurrentUser caller, ClientId clientId, LocalDate from, LocalDate to) {
		Progress progress = this.outcomes.of(caller, clientId);
		Clinic clinic = this.clinics.get(progress.client().clinicId());
		ZoneId zone = clinic.zone();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		LocalDate last = (to != null) ? to : today;
		// By default from the baseline, but never more than the longest period back.
		LocalDate first = (from != null) ? from : (progress.baseline() != null)
				? max(LocalDate.ofInstant(progress.baseline().at(), zone), last.minusYears(MAX_YEARS)) : last;
		if (first.isAfter(last) || last.isAfter(today) || first.plusYears(MAX_YEARS).isBefore(last)) {
			throw new InvalidRequest("The report's period runs from a day to a later (or the same) day, not after "
					+ "today and at most " + MAX_YEARS + " years long.");
		}
		Instant start = first.atStartOfDay(zone).toInstant();
		Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
		this.access.check(caller, RecordAction.PROGRESS_REPORT_DOWNLOADED, HealthRecord.client(clinic.id(), clientId),
				who -> null);
		List<Appointment> sessions = progress.sessions()
			.stream()
			.filter(s -> !s.start().isBefore(start) && s.start().isBefore(end))
			.toList();
		List<Instant> planChanges = progress.planChanges()
			.stream()
			.filter(at -> !at.isBefore(start) && at.isBefore(end))
			.toList();
		// The period's scores, and the baseline's (what the change is judged from) even
		// when it came before the period.
		UUID baseline = (progress.baseline() != null) ? progress.baseline().measurementId() : null;
		List<Measurement> upToEnd = progress.series()
			.stream()
			.flatMap(s -> s.points().stream())
			.filter(m -> m.at().isBefore(end) && (!m.at().isBefore(start) || m.id().equals(baseline)))
			.toList();
		TimeZone timeZone = TimeZone.getTimeZone(zone);
		List<Measure> measures = Outcomes.series(upToEnd, progress.baseline())
			.stream()
			.map(series -> new Measure(series,
					ProgressChart.chart(series,
							sessions.stream().filter(s -> s.status() == AppointmentStatus.COMPLETED).toList(),
							planChanges, timeZone)))
			.toList();
		// The intakes the progress was read from: read (and audited) once.
		Optional<Intake> intake = progress.intakes()
			.stream()
			.filter(i -> i.submittedAt().isBefore(end))
			.max(Comparator.comparing(Intake::submittedAt));
		Map<String, Long> techniques = new TreeMap<>(sessions.stream()
			.filter(s -> s.status() == AppointmentStatus.COMPLETED && s.technique() != null)
			.collect(Collectors.groupingBy(s -> s.technique().displayName(), Collectors.counting())));
		Map<String, String> therapistNames = new LinkedHashMap<>();
		sessions.forEach(s -> therapistNames.computeIfAbsent(s.therapistId().value().toString(), id -> {
			var therapist = this.therapists.get(s.therapistId());
			String licence = therapist.licenceOn(last);
			return therapist.name() + ((licence != null) ? " (licence " + licence + ")" : "");
		}));
		Optional<ProgressSummary> summary = this.outcomes.summaries(caller, clientId)
			.stream()
			.filter(s -> !s.from().isAfter(last) && !s.to().isBefore(first))
			.findFirst();

		Context context = new Context();
		context.setVariable("clinic", clinic);
		// The client's own copy words the intake's findings as they were told them.
		context.setVariable("forStaff", caller.client() == null);
		context.setVariable("client", progress.client());
		context.setVariable("from", first);
		context.setVariable("to", last);
		context.setVariable("today", today);
		context.setVariable("zone", zone);
		context.setVariable("intake", intake.orElse(null));
		context.setVariable("baseline", progress.baseline());
		context.setVariable("held", sessions.stream().filter(s -> s.status() == AppointmentStatus.COMPLETED).count());
		context.setVariable("missed", sessions.stream().filter(s -> s.status() == AppointmentStatus.NO_SHOW).count());
		context.setVariable("techniques",
				techniques.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList());
		context.setVariable("therapists", List.copyOf(therapistNames.values()));
		context.setVariable("measures", measures);
		context.setVariable("planChanges", planChanges);
		context.setVariable("summary", summary.orElse(null));
		// Home care: adherence by week within the period (the home-care read is audited
		// by home care).
		HomeCare.Overview home = this.homeCare.overview(caller, clientId, HOME_WEEKS);
		context.setVariable("homePlan", home.plan());
		context.setVariable("homeWeeks",
				home.weeks()
					.stream()
					.filter(week -> !week.monday().plusDays(6).isBefore(first) && !week.monday().isAfter(last))
					.toList());
		context.setVariable("source", ImportantChange.SOURCE);
		context.setVariable("startBackRule", ImportantChange.STARTBACK_RULE);
		String html = this.templates.process("outcomes/report", context);
		Map<String, JFreeChart> charts = new LinkedHashMap<>();
		measures.forEach(m -> charts.put(m.series().instrument().name(), m.chart()));
		return render(html, charts);
	}

	/**
	 * The HTML as a PDF; each {@code <object type="backcare/chart" data-chart="…">} drawn
	 * as vectors by its chart (sharp at any zoom, and no image to encode).
	 */
	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static byte[] render(String html, Map<String, JFreeChart> charts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.withProducer("BackCare");
			// The one embedded face also stands in for bold (headings are set apart by
			// size), and for the charts' AWT "SansSerif".
			for (String family : List.of("Liberation Sans", Font.SANS_SERIF)) {
				for (int weight : new int[] { 400, 700 }) {
					builder.useFont(() -> ProgressReport.class.getResourceAsStream(FONT), family, weight,
							FontStyle.NORMAL, true);
				}
			}
			DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
			drawers.registerDrawer("backcare/chart", (element, x, y, width, height, device, context, dotsPerPixel) -> {
				JFreeChart chart = charts.get(element.getAttribute("data-chart"));
				float w = (float) width / dotsPerPixel;
				float h = (float) height / dotsPerPixel;
				device.drawWithGraphics((float) x, (float) y, w, h,
						graphics -> chart.draw(graphics, new Rectangle2D.Float(0, 0, w, h)));
				return null;
			});
			builder.useObjectDrawerFactory(drawers);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException cannot) {
			throw new UncheckedIOException(cannot);
		}
		return out.toByteArray();
	}

}
