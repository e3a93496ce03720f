package ftop.core.health;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The Customer Perspective section of the health form: the current overall customer view.
 *
 * @param mindset        Aligned, Averse or Compete
 * @param completionDate expected completion date of the onboarding project
 * @param businessReason the customer's primary business reason for purchasing M365 licenses
 * @param successOwner   the customer contact who owns the success of the onboarding project;
 *                       must be one of the customer's contacts
 */
public record CustomerPerspective(
        Optional<OverallMindset> mindset,
        Optional<LocalDate> completionDate,
        Optional<BusinessReason> businessReason,
        Optional<UUID> successOwner) {

    public CustomerPerspective {
        mindset = CustomerProgress.orEmpty(mindset);
        completionDate = CustomerProgress.orEmpty(completionDate);
        businessReason = CustomerProgress.orEmpty(businessReason);
        successOwner = CustomerProgress.orEmpty(successOwner);
    }

    /** A section with nothing filled in yet. */
    public static CustomerPerspective empty() {
        return new CustomerPerspective(null, null, null, null);
    }
}
