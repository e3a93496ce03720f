package ftop.core.dataset;

import java.util.List;

/**
 * The words generated rows are made of: names of people and companies in the style of the
 * Microsoft fictitious companies the seeds use (Contoso, Fabrikam), job titles, and Enterprise Status
 * sentences. Status templates take the customer's name as {@code %1$s} and a workload as {@code %2$s}.
 */
final class Vocabulary {

    static final List<String> FIRST_NAMES = List.of(
            "Aaron", "Abigail", "Adrian", "Aisha", "Alan", "Amelia", "Ana", "Andre", "Anna", "Arjun",
            "Ben", "Bianca", "Carlos", "Carmen", "Chen", "Chloe", "Daniel", "Dana", "David", "Elena",
            "Emma", "Eric", "Fatima", "Felix", "Grace", "Hannah", "Hiro", "Ines", "Ivan", "Jacob",
            "Jamal", "Jana", "Jonas", "Julia", "Karim", "Kate", "Kenji", "Laura", "Leo", "Lucia",
            "Marco", "Maria", "Mei", "Mohammed", "Nadia", "Nina", "Noah", "Olga", "Omar", "Pablo",
            "Priya", "Rahul", "Rosa", "Sam", "Sara", "Sofia", "Tom", "Valeria", "Wei", "Yusuf");

    static final List<String> LAST_NAMES = List.of(
            "Adams", "Alvarez", "Bauer", "Becker", "Brown", "Campbell", "Chen", "Costa", "Da Silva", "Dubois",
            "Evans", "Fischer", "Garcia", "Gupta", "Hansen", "Hughes", "Ito", "Jensen", "Johnson", "Kim",
            "Kowalski", "Kumar", "Larsen", "Lee", "Lopez", "Martin", "Meyer", "Moreau", "Murphy", "Nakamura",
            "Nguyen", "Novak", "O'Brien", "Okafor", "Patel", "Petrov", "Rossi", "Sato", "Schmidt", "Silva",
            "Singh", "Smith", "Tanaka", "Taylor", "Thomas", "Walker", "Wang", "Weber", "Wilson", "Yilmaz");

    /** Titles of customer contacts. */
    static final List<String> CUSTOMER_TITLES = List.of(
            "CIO", "IT Director", "Head of Infrastructure", "Project Manager", "Messaging Lead",
            "Collaboration Architect", "Security Architect", "Endpoint Manager", "Change Manager",
            "Workplace Services Manager", "Network Engineer", "Identity Lead");

    /** Titles of Microsoft contacts: account roles and special resources. */
    static final List<String> MICROSOFT_TITLES = List.of(
            "Account Executive", "Customer Success Manager", "Technical Specialist", "Intune CAT", "GTP",
            "Partner Development Manager", "Cloud Solution Architect", "Premier Support TAM");

    /** First words of generated company names: the Microsoft fictitious companies. */
    static final List<String> COMPANY_STEMS = List.of(
            "Contoso", "Fabrikam", "Northwind", "Tailspin", "Woodgrove", "Litware", "Adventure Works",
            "Wide World", "Alpine", "Coho", "Proseware", "Lamna", "Fourth Coffee", "Margie's", "Trey",
            "Relecloud", "Humongous", "Blue Yonder", "City Power", "Consolidated", "A. Datum", "Munson's",
            "Southridge", "Wingtip", "Tasmanian", "Bellows", "Best For You", "First Up", "Liberty's",
            "VanArsdel", "Fincher", "Lucerne", "Nod", "Olympia", "School of Fine Art", "Graphic Design",
            "Datum", "Baldwin", "Fabrikam Residences", "Contoso Pharma", "Woodgrove Financial",
            "Northwind Health", "Tailspin Aero", "Litware Labs", "Coho Vineyard", "Alpine Ski",
            "Trey Research", "Lamna Medical", "Relecloud Media", "Wide World Shipping");

    /** Second words of generated company names. */
    static final List<String> COMPANY_SUFFIXES = List.of(
            "Bank", "Insurance", "Healthcare", "Pharmaceuticals", "Logistics", "Airlines", "Motors", "Foods",
            "Energy", "Retail", "Telecom", "Media", "Manufacturing", "Consulting", "Holdings", "Group",
            "Hospitals", "University", "Chemicals", "Steel", "Shipping", "Hotels", "Electronics", "Capital",
            "Publishing", "Construction", "Mining", "Textiles", "Software", "Utilities");

    /** Third words that keep names apart once stems and suffixes run out. */
    static final List<String> COMPANY_PLACES = List.of(
            "Americas", "Europe", "Asia", "Nordics", "Iberia", "Benelux", "Pacific", "Atlantic", "Midwest",
            "Gulf", "Alps", "Andes", "Baltic", "Central", "Coastal", "Highlands", "Lakes", "Northern",
            "Southern", "Western", "Eastern", "Metro", "Valley", "Harbour", "Island");

    static final List<String> EXECUTIVE_SUMMARIES = List.of(
            "%1$s completed the %2$s pilot with 400 users; wave 1 is scheduled for the next sprint and the project team meets weekly.",
            "Kick-off held with the %1$s IT leadership. Agreed priorities: %2$s first, then Teams. Remediation plan shared with the customer.",
            "%2$s deployment at %1$s is on plan. Next actions: finish the assessment and confirm the dates of the migration waves.",
            "%1$s paused the %2$s rollout while the new CIO reviews the roadmap; we presented the value case and the FastTrack offer again.",
            "Readiness assessment for %2$s done at %1$s. Network remediation is the main work item; the partner is engaged.",
            "%1$s reached its %2$s milestone; adoption champions run the change programme in each business unit.",
            "Weekly call with %1$s continues. %2$s usage grew this month after the second migration wave.",
            "The executive sponsor at %1$s confirmed the goal of full %2$s adoption by the end of the fiscal year.");

    static final List<String> RISKS = List.of(
            "Network egress capacity at the main site may delay the next migration wave; the customer is sizing a new proxy.",
            "No committed project manager on the customer side since the reorganisation.",
            "The customer is evaluating a competing collaboration product for the field workforce.",
            "Conditional access policies are not agreed with security; device enrolment waits for them.",
            "The legacy on-premises archive must be retired before the remaining mailboxes can move.",
            "None at this time.",
            "The partner contract ends this quarter and the renewal is not signed yet.",
            "Budget for change management is not approved.");

    static final List<String> AWARENESS = List.of(
            "Leadership may be asked to join the next executive business review.",
            "Renewal talks start next quarter; usage figures will be part of them.",
            "The customer asked for a COVID-19 remote work assistance review.",
            "Nothing that needs leadership attention.",
            "Escalated through the account team; the Customer Success Manager is aware and aligned.",
            "The customer is a reference candidate for the regional case study.");

    private Vocabulary() {
    }

    /** Lower-case letters and digits of {@code name}, for user ids, e-mail addresses and domains. */
    static String slug(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
