import "server-only";

export const SECOND_LANGUAGES = ["es", "zh", "vi", "ko", "ru", "ar", "fr", "hi", "pt", "tl"] as const;

export type SecondLanguage = (typeof SECOND_LANGUAGES)[number];

type NamePool = { female: readonly string[]; male: readonly string[]; last: readonly string[] };

// Faker's en_US names are almost all English ones; a provider who speaks another language is
// often (not always) named in it, which makes listings look like the clinicians of a US city.
// Surnames here do not change with gender, so any first name fits any surname. Accents are kept;
// slugs fold them to ASCII.
export const NAMES_BY_LANGUAGE: Record<SecondLanguage, NamePool> = {
  es: {
    female: ["Sofia", "Lucia", "Isabel", "Gabriela", "Mariana", "Valeria", "Carmen", "Elena", "Daniela", "Adriana"],
    male: ["Carlos", "Javier", "Miguel", "Alejandro", "Diego", "Luis", "Andres", "Rafael", "Mateo", "Jorge"],
    last: ["Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Ramirez", "Torres", "Flores", "Rivera", "Morales", "Castillo", "Vargas", "Mendoza"],
  },
  zh: {
    female: ["Mei", "Lin", "Xiaoling", "Yan", "Jing", "Hui", "Ying", "Wen"],
    male: ["Wei", "Jun", "Hao", "Lei", "Ming", "Jian", "Tao", "Bo"],
    last: ["Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Lin", "Wu", "Zhou", "Xu", "Sun", "Zhao"],
  },
  vi: {
    female: ["Linh", "Thao", "Mai", "Trang", "Ngoc", "Huong", "Anh", "Lan"],
    male: ["Minh", "Tuan", "Duc", "Huy", "Long", "Quang", "Khoa", "Bao"],
    last: ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo"],
  },
  ko: {
    female: ["Ji-woo", "Seo-yeon", "Min-ji", "Hye-jin", "Soo-ah", "Eun-ji", "Yuna", "Ha-eun"],
    male: ["Min-jun", "Ji-hoon", "Hyun-woo", "Seung-ho", "Dong-hyun", "Jae-won", "Sung-min", "Tae-yang"],
    last: ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Han"],
  },
  ru: {
    female: ["Anna", "Olga", "Natalia", "Irina", "Ekaterina", "Svetlana", "Yulia", "Marina"],
    male: ["Dmitri", "Alexei", "Sergei", "Mikhail", "Andrei", "Pavel", "Ilya", "Nikolai"],
    last: ["Kovalenko", "Bondarenko", "Shevchenko", "Tkachenko", "Melnyk", "Kravets", "Levin", "Rosenberg", "Abramov", "Karpenko"],
  },
  ar: {
    female: ["Layla", "Nour", "Rania", "Yasmin", "Mariam", "Hana", "Salma", "Dina"],
    male: ["Omar", "Karim", "Yousef", "Tarek", "Ahmed", "Sami", "Hassan", "Khaled"],
    last: ["Haddad", "Khalil", "Nasser", "Saleh", "Mansour", "Farah", "Hassan", "Aziz", "Hamdan", "Issa"],
  },
  fr: {
    female: ["Camille", "Claire", "Juliette", "Margaux", "Sophie", "Amélie", "Chloé", "Hélène"],
    male: ["Julien", "Antoine", "Mathieu", "Olivier", "Thomas", "Nicolas", "Étienne", "Luc"],
    last: ["Dubois", "Laurent", "Moreau", "Girard", "Lefebvre", "Fontaine", "Rousseau", "Bernard", "Mercier", "Blanchard"],
  },
  hi: {
    female: ["Priya", "Ananya", "Kavya", "Neha", "Aditi", "Meera", "Pooja", "Shreya"],
    male: ["Arjun", "Rohan", "Vikram", "Rahul", "Sanjay", "Amit", "Nikhil", "Karan"],
    last: ["Patel", "Sharma", "Gupta", "Singh", "Reddy", "Iyer", "Mehta", "Desai", "Shah", "Kapoor", "Rao", "Joshi"],
  },
  pt: {
    female: ["Ana", "Beatriz", "Juliana", "Fernanda", "Camila", "Larissa", "Renata", "Tatiana"],
    male: ["João", "Pedro", "Rafael", "Thiago", "Gustavo", "Bruno", "Felipe", "Rodrigo"],
    last: ["Silva", "Santos", "Oliveira", "Costa", "Pereira", "Almeida", "Ferreira", "Carvalho", "Ribeiro", "Barbosa"],
  },
  tl: {
    female: ["Maria", "Angelica", "Kristine", "Joy", "Rowena", "Marites", "Liza", "Grace"],
    male: ["Jose", "Mark", "Rommel", "Paolo", "Ramon", "Joel", "Arnel", "Christian"],
    last: ["Santos", "Reyes", "Cruz", "Bautista", "Ramos", "Mendoza", "Villanueva", "Dela Cruz", "Aquino", "Garcia"],
  },
};
