package org.senda.organisation.internal;

import java.util.List;
import java.util.Random;

/** Names for the demo trust's people and schools, and readable passwords, drawn from a seeded random source. */
final class DemoNames {

  private static final List<String> GIVEN = List.of(
      "Amelia", "Olivia", "Isla", "Ava", "Mia", "Sophie", "Grace", "Emily", "Poppy", "Freya", "Lily", "Evie",
      "Charlotte", "Hannah", "Rebecca", "Rachel", "Sarah", "Claire", "Helen", "Joanne", "Nicola", "Kerry", "Laura",
      "Gemma", "Siobhan", "Bethan", "Ffion", "Niamh", "Aisha", "Fatima", "Priya", "Anjali", "Zainab", "Amara",
      "Chloe", "Jessica", "Katie", "Lucy", "Eleanor", "Harriet", "Oliver", "George", "Harry", "Jack", "Noah",
      "Charlie", "Thomas", "James", "William", "Daniel", "Matthew", "Andrew", "David", "Mark", "Paul", "Stephen",
      "Richard", "Gareth", "Rhys", "Owen", "Callum", "Euan", "Liam", "Ciaran", "Mohammed", "Imran", "Arjun",
      "Rohan", "Kwame", "Tunde", "Kofi", "Samuel", "Joseph", "Benjamin", "Adam", "Luke", "Ryan", "Simon", "Neil");

  private static final List<String> FAMILY = List.of(
      "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
      "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel",
      "Khan", "Ahmed", "Begum", "Hussain", "Ali", "Shah", "Singh", "Kaur", "Sharma", "Okafor", "Adeyemi",
      "Mensah", "Osei", "Campbell", "Stewart", "Murray", "MacDonald", "Fraser", "Reid", "O'Brien", "Murphy",
      "Kelly", "Byrne", "Walsh", "Hughes", "Lewis", "Morgan", "Griffiths", "Price", "Edwards", "Harris",
      "Turner", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison",
      "Morrison", "Marshall", "Chapman", "Mason", "Fletcher", "Barker", "Holmes", "Pearson", "Atkinson",
      "Nowak", "Kowalski", "Novak", "Chen", "Wong", "Nguyen", "Rossi", "Costa", "Da Silva", "Yilmaz");

  private static final List<String> PLACES = List.of(
      "Ashby", "Barrowden", "Beech Hill", "Birchwood", "Blackthorn", "Bramley", "Brookfield", "Castle Hill",
      "Cedar Park", "Chestnut Grove", "Church Lane", "Clayfield", "Coppice", "Elmstead", "Fairfield", "Fernlea",
      "Foxton", "Glenfield", "Greenacres", "Hazelwood", "Heathfield", "Highcliffe", "Hillcrest", "Holly Bank",
      "Kingsmead", "Lakeside", "Larkrise", "Linden", "Longmeadow", "Maple Tree", "Meadowbank", "Millbrook",
      "Moorland", "Northgate", "Orchard", "Parkside", "Priory", "Queensway", "Redhill", "Ridgeway", "Rosewood",
      "St Aidan's", "St Anne's", "St Bede's", "St Chad's", "St Hilda's", "St Luke's", "St Margaret's",
      "St Peter's", "Sandhurst", "Sherwood", "Silverdale", "Southfields", "Springfield", "Stonebridge",
      "Sycamore", "Thornton", "Valley Road", "Westfield", "Whitefriars", "Willowbank", "Woodlands", "Yew Tree");

  static final List<String> TREES = List.of(
      "Oak", "Ash", "Birch", "Elm", "Hazel", "Rowan", "Willow", "Maple", "Beech", "Cedar", "Holly", "Larch",
      "Alder", "Aspen", "Chestnut", "Juniper");

  private static final List<String> WORDS = List.of(
      "amber", "anchor", "apple", "badger", "basket", "beacon", "bramble", "breeze", "candle", "canyon", "clover",
      "copper", "cotton", "daisy", "dolphin", "ember", "falcon", "fern", "garnet", "ginger", "harbour", "heron",
      "island", "jasmine", "kettle", "lantern", "lemon", "maple", "meadow", "mellow", "nutmeg", "orchard", "otter",
      "pebble", "pepper", "pillow", "plum", "quarry", "raven", "ribbon", "river", "saffron", "salmon", "shingle",
      "sparrow", "spruce", "thistle", "timber", "tulip", "velvet", "walnut", "willow", "wren", "yarrow", "zephyr");

  private final Random random;

  DemoNames(Random random) {
    this.random = random;
  }

  String given() {
    return pick(GIVEN);
  }

  String family() {
    return pick(FAMILY);
  }

  /** A school's place name; each one is used once per trust while there are unused ones. */
  String place(int index) {
    return PLACES.get(index % PLACES.size()) + (index >= PLACES.size() ? " " + (index / PLACES.size() + 1) : "");
  }

  static int places() {
    return PLACES.size();
  }

  /** A readable password: three words and two digits, e.g. "otter-lantern-plum-42". */
  String password() {
    return pick(WORDS) + "-" + pick(WORDS) + "-" + pick(WORDS) + "-" + (10 + random.nextInt(90));
  }

  <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  Random random() {
    return random;
  }
}
