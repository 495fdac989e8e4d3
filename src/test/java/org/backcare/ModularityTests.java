package org.backcare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module boundaries are checked on every build, and the module diagrams in docs/modules
 * are regenerated from the code so they cannot drift from it.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(BackCareApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		MODULES.verify();
	}

	/**
	 * The module graph in docs/architecture.md is drawn from the code, not by hand: a
	 * build writes it between its markers, and in CI (where nothing is written back) a
	 * graph that no longer matches the code fails the build, so the document cannot
	 * drift.
	 */
	@Test
	void theArchitectureDocumentShowsTheModuleGraphAsItIs() throws Exception {
		Path document = Path.of("docs/architecture.md");
		String text = Files.readString(document);
		int start = text.indexOf(GRAPH_START);
		int end = text.indexOf(GRAPH_END);
		assertThat(start).as("the graph's start marker in " + document).isNotNegative();
		assertThat(end).as("the graph's end marker in " + document).isGreaterThan(start);
		String current = text.substring(start + GRAPH_START.length(), end);
		String drawn = "\n```mermaid\n" + moduleGraph() + "```\n";
		if ("true".equals(System.getenv("CI"))) {
			assertThat(current).as("the module graph in docs/architecture.md (run ./mvnw verify and commit it)")
				.isEqualTo(drawn);
		}
		else if (!current.equals(drawn)) {
			Files.writeString(document, text.substring(0, start + GRAPH_START.length()) + drawn + text.substring(end));
		}
	}

	static final String GRAPH_START = "<!-- module graph: written by ModularityTests -->";

	static final String GRAPH_END = "<!-- end of module graph -->";

	/**
	 * Every module and the modules it uses directly, as a Mermaid flowchart, in a stable
	 * order.
	 */
	static String moduleGraph() {
		StringBuilder graph = new StringBuilder("flowchart TD\n");
		List<ApplicationModule> modules = MODULES.stream()
			.sorted(Comparator.comparing(module -> module.getIdentifier().toString()))
			.toList();
		for (ApplicationModule module : modules) {
			graph.append("    ")
				.append(module.getIdentifier())
				.append("[")
				.append(module.getDisplayName())
				.append("]\n");
		}
		for (ApplicationModule module : modules) {
			module.getDirectDependencies(MODULES)
				.uniqueModules()
				.map(target -> target.getIdentifier().toString())
				.filter(target -> !target.equals(module.getIdentifier().toString()))
				.sorted()
				.forEach(target -> graph.append("    ")
					.append(module.getIdentifier())
					.append(" --> ")
					.append(target)
					.append("\n"));
		}
		return graph.toString();
	}

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
