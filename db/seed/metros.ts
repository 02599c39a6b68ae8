import "server-only";
import zipcodes from "zipcodes";

/** A group of ZIP codes in one state and one time zone. */
export type Area = { state: string; timeZone: string; zips: readonly string[] };

export type Metro = Area & {
  slug: string;
  city: string;
  /** Relative share of generated providers: roughly the metro's population in millions. */
  weight: number;
  /** Places across a state line where a provider here may also practise. */
  nearby: readonly Area[];
};

export type Place = { zip: string; city: string; state: string; latitude: number; longitude: number; timeZone: string };

export type ResolvedMetro = Metro & { places: Place[]; nearbyPlaces: Place[][] };

const ET = "America/New_York";
const CT = "America/Chicago";
const MT = "America/Denver";
const PT = "America/Los_Angeles";

export const METROS: readonly Metro[] = [
  {
    slug: "new-york", city: "New York", state: "NY", timeZone: ET, weight: 19,
    zips: ["10001", "10003", "10011", "10016", "10019", "10021", "10022", "10025", "10028", "10036", "10065", "11201", "11215", "11375"],
    nearby: [
      { state: "NJ", timeZone: ET, zips: ["07302", "07310", "07030"] },
      { state: "CT", timeZone: ET, zips: ["06901", "06902", "06830"] },
    ],
  },
  {
    slug: "los-angeles", city: "Los Angeles", state: "CA", timeZone: PT, weight: 13,
    zips: ["90012", "90024", "90025", "90036", "90048", "90057", "90064", "90067", "90401", "91105", "91403"],
    nearby: [],
  },
  {
    slug: "chicago", city: "Chicago", state: "IL", timeZone: CT, weight: 9,
    zips: ["60601", "60605", "60607", "60610", "60611", "60614", "60618", "60622", "60640", "60657"],
    // Lake County, Indiana keeps Central time, unlike Indianapolis.
    nearby: [{ state: "IN", timeZone: CT, zips: ["46320", "46321"] }],
  },
  {
    slug: "houston", city: "Houston", state: "TX", timeZone: CT, weight: 7,
    zips: ["77002", "77004", "77005", "77006", "77019", "77024", "77030", "77056", "77098"],
    nearby: [],
  },
  {
    slug: "phoenix", city: "Phoenix", state: "AZ", timeZone: "America/Phoenix", weight: 5,
    zips: ["85004", "85006", "85012", "85013", "85014", "85016", "85018", "85251", "85281"],
    nearby: [],
  },
  {
    slug: "philadelphia", city: "Philadelphia", state: "PA", timeZone: ET, weight: 6,
    zips: ["19102", "19103", "19104", "19106", "19107", "19130", "19146", "19147"],
    nearby: [
      { state: "NJ", timeZone: ET, zips: ["08002", "08034"] },
      { state: "DE", timeZone: ET, zips: ["19801", "19803"] },
    ],
  },
  {
    slug: "san-diego", city: "San Diego", state: "CA", timeZone: PT, weight: 3,
    zips: ["92101", "92103", "92108", "92109", "92117", "92121", "92122", "92037"],
    nearby: [],
  },
  {
    slug: "dallas", city: "Dallas", state: "TX", timeZone: CT, weight: 8,
    zips: ["75201", "75204", "75206", "75214", "75219", "75225", "75230", "75231", "75246"],
    nearby: [],
  },
  {
    slug: "austin", city: "Austin", state: "TX", timeZone: CT, weight: 3,
    zips: ["78701", "78703", "78704", "78705", "78731", "78745", "78751", "78756", "78757"],
    nearby: [],
  },
  {
    slug: "san-francisco", city: "San Francisco", state: "CA", timeZone: PT, weight: 5,
    zips: ["94102", "94103", "94109", "94110", "94114", "94115", "94117", "94118", "94121"],
    nearby: [],
  },
  {
    slug: "seattle", city: "Seattle", state: "WA", timeZone: PT, weight: 4,
    zips: ["98101", "98102", "98104", "98105", "98109", "98112", "98115", "98122"],
    nearby: [],
  },
  {
    slug: "denver", city: "Denver", state: "CO", timeZone: MT, weight: 3,
    zips: ["80202", "80203", "80204", "80206", "80209", "80210", "80218", "80220", "80246"],
    nearby: [],
  },
  {
    slug: "boston", city: "Boston", state: "MA", timeZone: ET, weight: 5,
    zips: ["02108", "02111", "02114", "02115", "02116", "02118", "02135", "02215"],
    nearby: [{ state: "NH", timeZone: ET, zips: ["03060", "03062"] }],
  },
  {
    slug: "miami", city: "Miami", state: "FL", timeZone: ET, weight: 6,
    zips: ["33125", "33127", "33130", "33131", "33132", "33136", "33137", "33143", "33156"],
    nearby: [],
  },
  {
    slug: "atlanta", city: "Atlanta", state: "GA", timeZone: ET, weight: 6,
    zips: ["30303", "30305", "30306", "30307", "30308", "30309", "30312", "30318", "30324", "30327"],
    nearby: [],
  },
  {
    slug: "minneapolis", city: "Minneapolis", state: "MN", timeZone: CT, weight: 4,
    zips: ["55401", "55403", "55404", "55405", "55407", "55408", "55414", "55454"],
    nearby: [{ state: "WI", timeZone: CT, zips: ["54016", "54022"] }],
  },
  {
    slug: "detroit", city: "Detroit", state: "MI", timeZone: "America/Detroit", weight: 4,
    zips: ["48201", "48202", "48207", "48208", "48226", "48235"],
    nearby: [],
  },
  {
    slug: "nashville", city: "Nashville", state: "TN", timeZone: CT, weight: 2,
    zips: ["37203", "37204", "37205", "37206", "37208", "37212", "37215"],
    nearby: [],
  },
  {
    slug: "portland", city: "Portland", state: "OR", timeZone: PT, weight: 3,
    zips: ["97201", "97205", "97209", "97210", "97212", "97214", "97232", "97239"],
    nearby: [{ state: "WA", timeZone: PT, zips: ["98660", "98661", "98684"] }],
  },
  {
    slug: "charlotte", city: "Charlotte", state: "NC", timeZone: ET, weight: 3,
    zips: ["28202", "28203", "28204", "28205", "28207", "28209", "28210", "28211"],
    nearby: [{ state: "SC", timeZone: ET, zips: ["29730", "29715"] }],
  },
  {
    slug: "salt-lake-city", city: "Salt Lake City", state: "UT", timeZone: MT, weight: 2,
    zips: ["84101", "84102", "84103", "84105", "84106", "84108", "84111"],
    nearby: [],
  },
  {
    slug: "indianapolis", city: "Indianapolis", state: "IN", timeZone: "America/Indiana/Indianapolis", weight: 2,
    zips: ["46202", "46203", "46204", "46205", "46208", "46220", "46240", "46260"],
    nearby: [],
  },
  {
    slug: "washington", city: "Washington", state: "DC", timeZone: ET, weight: 6,
    zips: ["20001", "20002", "20005", "20006", "20007", "20009", "20010", "20016", "20036", "20037"],
    nearby: [
      { state: "VA", timeZone: ET, zips: ["22201", "22203", "22209"] },
      { state: "MD", timeZone: ET, zips: ["20814", "20815"] },
    ],
  },
  {
    // Texas, but on Mountain time: a same-state second location in another zone.
    slug: "el-paso", city: "El Paso", state: "TX", timeZone: MT, weight: 1,
    zips: ["79901", "79902", "79903", "79912", "79925", "79936"],
    nearby: [{ state: "NM", timeZone: MT, zips: ["88001", "88005", "88011"] }],
  },
  {
    slug: "honolulu", city: "Honolulu", state: "HI", timeZone: "Pacific/Honolulu", weight: 1,
    zips: ["96813", "96814", "96815", "96816", "96817", "96822", "96826"],
    nearby: [],
  },
  {
    slug: "anchorage", city: "Anchorage", state: "AK", timeZone: "America/Anchorage", weight: 1,
    zips: ["99501", "99503", "99504", "99507", "99508", "99517"],
    nearby: [],
  },
];

function placesIn(area: Area): Place[] {
  return area.zips.map((zip) => {
    const found = zipcodes.lookup(zip);
    if (!found || found.state !== area.state) {
      throw new Error(`Seed ZIP ${zip} is not a ${area.state} ZIP code in the zipcodes package`);
    }
    return { zip, city: found.city, state: found.state, latitude: found.latitude, longitude: found.longitude, timeZone: area.timeZone };
  });
}

/** Metros with the city and coordinates of each ZIP code, read from the zipcodes package. */
export function resolveMetros(): ResolvedMetro[] {
  return METROS.map((metro) => ({ ...metro, places: placesIn(metro), nearbyPlaces: metro.nearby.map(placesIn) }));
}
