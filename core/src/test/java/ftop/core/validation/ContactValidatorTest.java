package ftop.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactValidatorTest {

    private static List<Problem> validate(long tpid, String name, String title, String email, String phone) {
        return Validator.validate(new Contact(UUID.randomUUID(), tpid, ContactKind.MICROSOFT, name, title, email, phone),
                Contoso.context());
    }

    @Test
    void theFixtureContactsAreValid() {
        assertThat(Validator.validate(Contoso.CUSTOMER_CONTACT, Contoso.context())).isEmpty();
        assertThat(Validator.validate(Contoso.MICROSOFT_CONTACT, Contoso.context())).isEmpty();
    }

    @Test
    void onlyTheNameIsRequired() {
        assertThat(validate(Contoso.TPID, "Diego Siciliani", "", "", "")).isEmpty();
        assertThat(validate(Contoso.TPID, "", "GTP", "d@contoso.com", "")).extracting(Problem::field).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"diego@contoso.com", "diego.siciliani@mail.contoso.co.uk", "d+ftop@contoso.com"})
    void acceptsEmailAddresses(String email) {
        assertThat(validate(Contoso.TPID, "Diego", "", email, "")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"diego", "diego@", "@contoso.com", "diego@contoso", "diego at contoso.com",
        "diego@contoso..com", "diego@@contoso.com"})
    void refusesWhatIsNotAnEmailAddress(String email) {
        List<Problem> problems = validate(Contoso.TPID, "Diego", "", email, "");

        assertThat(problems).extracting(Problem::field).containsExactly("email");
        assertThat(problems.get(0).message()).contains(email);
    }

    @Test
    void titleIsFreeTextWithALimit() {
        assertThat(validate(Contoso.TPID, "Diego", "Intune CAT / GTP (EMEA) – special resource", "", "")).isEmpty();
        assertThat(validate(Contoso.TPID, "Diego", "t".repeat(Limits.CONTACT_TITLE_MAX), "", "")).isEmpty();
        assertThat(validate(Contoso.TPID, "Diego", "t".repeat(Limits.CONTACT_TITLE_MAX + 1), "", ""))
                .extracting(Problem::field).containsExactly("title");
    }

    @Test
    void otherLimitsAndTheCustomer() {
        assertThat(validate(4242, "n".repeat(Limits.CONTACT_NAME_MAX + 1), "", "x".repeat(250) + "@c.com",
                "1".repeat(Limits.PHONE_MAX + 1)))
                .extracting(Problem::field).containsExactly("tpid", "name", "email", "phone");
    }
}
