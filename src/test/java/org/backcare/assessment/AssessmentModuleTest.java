package org.backcare.assessment;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinical core stands alone: bootstrapped as its own module (with only platform's
 * database, which every Spring context here needs) it brings no bean of BackCare's (it is
 * plain functions over answers), and an assessment comes out of answers alone, with no
 * database, clock or request behind it.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
class AssessmentModuleTest {

	@Autowired
	ApplicationContext context;

	@Test
	void bootstrapsAloneWithNoBeansOfItsOwn() {
		assertThat(Arrays.stream(this.context.getBeanDefinitionNames())
			.map(this.context::getType)
			.filter(type -> type != null && type.getName().startsWith("org.backcare.")))
			.allSatisfy(type -> assertThat(type.getPackageName()).isIn("org.backcare", "org.backcare.platform"));
	}

	@Test
	void anAssessmentComesFromTheAnswersAlone() {
		Assessment first = Assessment.of(Examples.officeWorker().answers(), 46);
		Assessment again = Assessment.of(Examples.officeWorker().answers(), 46);
		assertThat(again).isEqualTo(first);
		assertThat(first.referral()).isEqualTo(Referral.NONE);
		assertThat(first.rulesVersion()).isEqualTo(CareRules.VERSION);
	}

}
