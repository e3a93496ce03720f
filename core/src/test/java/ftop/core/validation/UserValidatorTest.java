package ftop.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.user.User;
import ftop.core.user.UserRole;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserValidatorTest {

    private static List<Problem> validate(String userId, String displayName, String email) {
        return Validator.validate(new User(userId, displayName, email, Set.of(UserRole.FM), Optional.empty(), false),
                Contoso.context());
    }

    @ParameterizedTest
    @ValueSource(strings = {"megan.bowen", "frp-17.jones", "a", "x9", "alex-wilber2"})
    void acceptsUserIds(String userId) {
        assertThat(validate(userId, "Someone", "")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Megan.Bowen", "megan bowen", "megan_bowen", ".megan", "megan.", "-megan", "megan@contoso.com",
        "mégan"})
    void refusesOtherUserIds(String userId) {
        List<Problem> problems = validate(userId, "Someone", "");

        assertThat(problems).extracting(Problem::field).containsExactly("userId");
        assertThat(problems.get(0).message()).contains(userId).contains("lowercase");
    }

    @Test
    void userIdIsRequiredAndLimited() {
        assertThat(validate("", "Someone", "")).extracting(Problem::field).containsExactly("userId");
        assertThat(validate("u".repeat(Limits.USER_ID_MAX), "Someone", "")).isEmpty();
        assertThat(validate("u".repeat(Limits.USER_ID_MAX + 1), "Someone", "")).extracting(Problem::field)
                .containsExactly("userId");
    }

    @Test
    void displayNameIsRequired() {
        assertThat(validate("megan.bowen", "  ", "")).extracting(Problem::field).containsExactly("displayName");
    }

    @Test
    void emailWhenGivenMustLookLikeOne() {
        assertThat(validate("megan.bowen", "Megan", "megan.bowen@microsoft.com")).isEmpty();
        assertThat(validate("megan.bowen", "Megan", "megan.bowen")).extracting(Problem::field).containsExactly("email");
    }
}
