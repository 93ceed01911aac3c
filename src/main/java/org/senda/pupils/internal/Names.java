package org.senda.pupils.internal;

import java.util.List;
import java.util.Random;

/**
 * Names for the demo trust, drawn from the mix of heritages in English schools, each with the home language and how
 * likely a child of that heritage is recorded as EAL, so that about a fifth of demo pupils are EAL (DfE "Schools,
 * pupils and their characteristics" 2024/25: 21% of primary pupils).
 */
final class Names {

  record Person(String forename, String surname, boolean female, String language, double ealLikelihood) {}

  private record Heritage(double weight, String language, double eal, List<String> girls, List<String> boys,
      List<String> surnames) {}

  private static final List<Heritage> HERITAGES = List.of(
      new Heritage(0.62, "English", 0.02,
          List.of("Olivia", "Amelia", "Isla", "Ava", "Lily", "Freya", "Ivy", "Florence", "Poppy", "Evie", "Grace",
              "Sophie", "Millie", "Ella", "Rosie", "Harriet", "Imogen", "Niamh", "Megan", "Erin", "Chloe", "Maisie"),
          List.of("Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Oscar", "Charlie", "Freddie",
              "Alfie", "Theo", "Thomas", "William", "James", "Joshua", "Archie", "Henry", "Rhys", "Callum", "Jacob"),
          List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
              "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
              "Clarke", "Hughes", "Edwards", "Turner", "Harris", "Lewis", "Baker", "Cooper", "Hill", "Ward",
              "Morris", "Moore", "Parker", "Murphy", "O'Brien", "Kelly", "Campbell", "MacDonald", "Fletcher")),
      new Heritage(0.12, "Urdu", 0.6,
          List.of("Aisha", "Maryam", "Zara", "Hafsa", "Inaya", "Aleena", "Anaya", "Priya", "Simran", "Fatima",
              "Safa", "Nusrat"),
          List.of("Muhammad", "Ibrahim", "Yusuf", "Zayn", "Aarav", "Arjun", "Rohan", "Hamza", "Ayaan", "Dev",
              "Rayyan", "Imran"),
          List.of("Khan", "Ahmed", "Hussain", "Ali", "Begum", "Patel", "Shah", "Singh", "Kaur", "Rahman", "Iqbal",
              "Chowdhury", "Mistry", "Sharma", "Akhtar")),
      new Heritage(0.07, "Polish", 0.85,
          List.of("Zuzanna", "Julia", "Maja", "Hanna", "Alicja", "Ioana", "Elena", "Emilia", "Natalia", "Oliwia"),
          List.of("Jakub", "Antoni", "Szymon", "Filip", "Mateusz", "Andrei", "Luca", "Kacper", "Mihai", "Tomasz"),
          List.of("Nowak", "Kowalski", "Wisniewski", "Wojcik", "Kaminski", "Popescu", "Ionescu", "Lewandowski",
              "Zielinski", "Dumitru")),
      new Heritage(0.07, "Yoruba", 0.45,
          List.of("Amara", "Adaeze", "Fola", "Ifeoma", "Nia", "Hodan", "Ayan", "Chiamaka", "Temi", "Zainab"),
          List.of("Tobi", "Chidi", "Kwame", "Emeka", "Abdi", "Kofi", "Femi", "Mohamed", "Olu", "Dayo"),
          List.of("Okafor", "Adeyemi", "Mensah", "Osei", "Abdullahi", "Okoye", "Adebayo", "Farah", "Nwosu",
              "Asante")),
      new Heritage(0.03, "English", 0.02,
          List.of("Jada", "Kezia", "Tianna", "Shanice", "Aaliyah", "Imani"),
          List.of("Tyrese", "Jayden", "Malachi", "Kai", "Marcus", "Andre"),
          List.of("Campbell", "Francis", "Grant", "Bailey", "Clarke", "Thomas", "Richards", "Samuels")),
      new Heritage(0.02, "Cantonese", 0.5,
          List.of("Mei", "Lin", "Xin", "Ying", "Hui"),
          List.of("Wei", "Jun", "Hao", "Jian", "Ming"),
          List.of("Chen", "Wong", "Li", "Zhang", "Liu", "Lam", "Ng")),
      new Heritage(0.03, "Arabic", 0.7,
          List.of("Layla", "Noor", "Yasmin", "Salma", "Rania", "Huda"),
          List.of("Omar", "Ahmad", "Karim", "Tariq", "Adam", "Sami"),
          List.of("Hassan", "Mahmoud", "Saleh", "Haddad", "Nasser", "Aziz")),
      new Heritage(0.04, "English", 0.1,
          List.of("Maya", "Luna", "Aria", "Eva", "Sofia", "Nadia", "Leila"),
          List.of("Elijah", "Luca", "Reuben", "Ezra", "Mateo", "Idris", "Kian"),
          List.of("Da Silva", "Rossi", "Kowalczyk-Smith", "Murphy-Okoye", "Fernandes", "Costa", "Novak")));

  private Names() {}

  static Person person(Random random, boolean female) {
    double pick = random.nextDouble();
    Heritage heritage = HERITAGES.getLast();
    for (Heritage h : HERITAGES) {
      pick -= h.weight();
      if (pick < 0) {
        heritage = h;
        break;
      }
    }
    List<String> forenames = female ? heritage.girls() : heritage.boys();
    return new Person(forenames.get(random.nextInt(forenames.size())),
        heritage.surnames().get(random.nextInt(heritage.surnames().size())), female, heritage.language(),
        heritage.eal());
  }

  /** A short form some children are known by, e.g. "Tom" for "Thomas"; the forename itself when there is none. */
  static String shortForm(String forename) {
    return switch (forename) {
      case "William" -> "Will";
      case "Thomas" -> "Tom";
      case "Joshua" -> "Josh";
      case "Muhammad" -> "Mo";
      case "Harriet" -> "Hattie";
      case "Florence" -> "Flo";
      case "Alexander" -> "Alex";
      case "James" -> "Jamie";
      case "Jakub" -> "Kuba";
      case "Olivia" -> "Liv";
      default -> forename;
    };
  }
}
