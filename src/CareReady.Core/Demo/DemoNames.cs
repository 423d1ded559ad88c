namespace CareReady.Core.Demo;

/// <summary>
/// Name pools for fictional staff, reflecting the diversity of a London NHS workforce. Names are drawn
/// and combined at random; no pairing is meant to describe a real person.
/// </summary>
internal static class DemoNames
{
    internal sealed record Pool(double Weight, string[] FirstNames, string[] LastNames);

    public static readonly Pool[] Pools =
    [
        // English / British
        new(38,
        [
            "Oliver", "George", "Harry", "Jack", "Thomas", "James", "William", "Daniel", "Samuel", "Joseph", "Matthew", "Luke",
            "Benjamin", "Adam", "Ryan", "Callum", "Liam", "Jamie", "Lewis", "Nathan", "Alex", "Chris", "Mark", "Paul", "Stephen",
            "Richard", "David", "Andrew", "Peter", "Simon", "Gary", "Lee", "Darren", "Wayne", "Craig", "Graham", "Keith", "Neil",
            "Amelia", "Olivia", "Emily", "Isla", "Ava", "Jessica", "Sophie", "Charlotte", "Lucy", "Grace", "Hannah", "Chloe", "Ellie",
            "Megan", "Holly", "Laura", "Rebecca", "Rachel", "Sarah", "Emma", "Claire", "Kelly", "Lisa", "Nicola", "Joanne", "Karen",
            "Helen", "Julie", "Deborah", "Tracey", "Susan", "Jennifer", "Katie", "Gemma", "Amy", "Zoe", "Natalie", "Abigail", "Poppy",
            "Freya", "Lily", "Ruby", "Evie", "Florence", "Harriet", "Georgina", "Alice", "Beth", "Leanne", "Stacey", "Carly",
        ],
        [
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
            "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Harris", "Lewis", "Turner", "Hill", "Moore",
            "Cooper", "Ward", "Morris", "King", "Baker", "Harrison", "Morgan", "Allen", "Parker", "Young", "Bennett", "Cook", "Price",
            "Mitchell", "Carter", "Phillips", "Shaw", "Chapman", "Holmes", "Palmer", "Fletcher", "Marshall", "Webb", "Hughes",
            "Edwards", "Lee", "Collins", "Stevens", "Bailey", "Gray", "Ellis", "Atkinson", "Barker", "Hunt", "Fox", "Knight",
            "Lawrence", "Mills", "Pearson", "Reynolds", "Saunders", "Spencer", "Warren", "Wells", "Holland", "Francis", "Burton",
            "Gibson", "Kemp", "Lowe", "Payne", "Pike", "Rowe", "Sharp", "Stone", "Tucker", "Watts", "Whitehead", "Yates",
        ]),

        // Caribbean British
        new(5,
        [
            "Marcus", "Dwayne", "Tyrone", "Andre", "Jermaine", "Leon", "Delroy", "Winston", "Clive", "Errol", "Jordan", "Kieran",
            "Shanice", "Tanisha", "Marcia", "Beverley", "Donna", "Paulette", "Simone", "Jade", "Chantelle", "Monique", "Yvonne", "Sonia",
        ],
        [
            "Campbell", "Grant", "Francis", "Thomas", "Brown", "Clarke", "Johnson", "Forbes", "Henry", "Samuels", "Bailey", "Gordon",
            "Reid", "Stewart", "Morgan", "Richards", "Walters", "Lindo", "Blake", "Gayle", "McKenzie", "Powell", "Wright", "Hinds",
        ]),

        // Irish, Scottish, Welsh
        new(7,
        [
            "Ciaran", "Declan", "Eoin", "Niall", "Padraig", "Cormac", "Fergus", "Hamish", "Rhys", "Gareth", "Dylan", "Owen", "Ewan",
            "Siobhan", "Aoife", "Niamh", "Roisin", "Ciara", "Orla", "Grainne", "Fiona", "Morag", "Eilidh", "Catriona", "Seren",
            "Bethan", "Cerys", "Ffion", "Sinead", "Mairead",
        ],
        [
            "Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "O'Connor", "Walsh", "McCarthy", "Doyle", "Gallagher", "Kennedy", "Quinn",
            "Fitzgerald", "MacDonald", "Campbell", "Stewart", "Robertson", "Fraser", "Ross", "Morrison", "Munro", "Jenkins", "Price",
            "Rees", "Pritchard", "Llewellyn", "Griffiths", "Vaughan", "Owen", "Maguire",
        ]),

        // South Asian
        new(16,
        [
            "Arjun", "Rohan", "Vikram", "Rahul", "Sanjay", "Amit", "Nikhil", "Karan", "Ravi", "Harpreet", "Gurpreet", "Mohammed",
            "Imran", "Faisal", "Usman", "Bilal", "Hamza", "Zain", "Tariq", "Shahid", "Rizwan", "Abdul", "Ashok", "Dinesh", "Suresh",
            "Priya", "Anjali", "Pooja", "Neha", "Kavita", "Sunita", "Meera", "Deepa", "Divya", "Shreya", "Aisha", "Fatima", "Ayesha",
            "Sana", "Nadia", "Samina", "Farah", "Rubina", "Nasreen", "Shabana", "Jaspreet", "Manpreet", "Simran", "Lakshmi", "Tharshini",
        ],
        [
            "Patel", "Shah", "Sharma", "Singh", "Kaur", "Kumar", "Gupta", "Mehta", "Joshi", "Desai", "Iyer", "Nair", "Pillai", "Menon",
            "Reddy", "Rao", "Chopra", "Malhotra", "Bhatt", "Khan", "Hussain", "Ahmed", "Ali", "Rahman", "Chowdhury", "Begum", "Akhtar",
            "Iqbal", "Malik", "Qureshi", "Sheikh", "Mahmood", "Siddiqui", "Uddin", "Islam", "Miah", "Sandhu", "Gill", "Dhillon",
            "Grewal", "Perera", "Fernando", "Jayasuriya", "Sivakumar", "Rajendran", "Thurairajah",
        ]),

        // West African
        new(10,
        [
            "Oluwaseun", "Olumide", "Adebayo", "Chinedu", "Emeka", "Obinna", "Tunde", "Femi", "Kwame", "Kofi", "Kwabena", "Yaw",
            "Babajide", "Ikenna", "Segun", "Chukwuemeka", "Folasade", "Funmilayo", "Adaeze", "Chiamaka", "Ngozi", "Ifeoma",
            "Nneka", "Blessing", "Precious", "Abena", "Akosua", "Ama", "Efua", "Yetunde", "Bukola", "Temitope", "Omolara", "Comfort",
        ],
        [
            "Adeyemi", "Okafor", "Okonkwo", "Adebayo", "Oluwole", "Balogun", "Ogunleye", "Eze", "Nwosu", "Obi", "Okoro", "Adewale",
            "Afolabi", "Bankole", "Akinola", "Ojo", "Mensah", "Owusu", "Boateng", "Asante", "Osei", "Appiah", "Agyeman", "Darko",
            "Annan", "Ofori", "Nwachukwu", "Uchenna", "Ibekwe", "Olaniyan",
        ]),

        // Filipino
        new(7,
        [
            "Maria", "Mary Grace", "Mary Joy", "Kristine", "Jennifer", "Rowena", "Marites", "Jocelyn", "Lourdes", "Rosario", "Imelda",
            "Cristina", "Angelica", "Princess", "Mylene", "Rhea", "Jose", "Juan", "Mark Anthony", "John Paul", "Rommel", "Ramil",
            "Arnel", "Jericho", "Rodel", "Reynaldo", "Ferdinand", "Joel",
        ],
        [
            "Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Villanueva", "Dela Cruz", "Del Rosario", "Ramos",
            "Aquino", "Castillo", "Flores", "Gonzales", "Manalo", "Pascual", "Salazar", "Soriano", "Tolentino", "Valdez", "Navarro",
            "Dizon", "Lim",
        ]),

        // Central and Eastern European
        new(7,
        [
            "Piotr", "Tomasz", "Krzysztof", "Marek", "Pawel", "Andrzej", "Lukasz", "Jakub", "Mihai", "Andrei", "Bogdan", "Ionut",
            "Dimitar", "Georgi", "Tomas", "Mindaugas", "Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Anna", "Monika", "Ewa",
            "Elena", "Ioana", "Andreea", "Raluca", "Mariya", "Desislava", "Ruta", "Ieva", "Alina", "Oksana",
        ],
        [
            "Nowak", "Kowalski", "Wisniewski", "Wojcik", "Kaminski", "Lewandowski", "Zielinski", "Szymanski", "Kowalczyk", "Mazur",
            "Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Georgescu", "Petrov", "Ivanov", "Dimitrova", "Georgieva", "Kazlauskas",
            "Petrauskas", "Jankauskas", "Horvath", "Novak", "Shevchenko", "Kovalenko",
        ]),

        // Southern European
        new(5,
        [
            "Marco", "Luca", "Giuseppe", "Alessandro", "Francesco", "Javier", "Carlos", "Miguel", "Pablo", "Joao", "Tiago", "Nikos",
            "Giorgos", "Giulia", "Francesca", "Chiara", "Elisa", "Lucia", "Carmen", "Ines", "Beatriz", "Ana", "Sofia", "Eleni",
            "Katerina",
        ],
        [
            "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Ricci", "Marino", "Greco", "Garcia", "Martinez", "Lopez",
            "Sanchez", "Fernandez", "Moreno", "Silva", "Pereira", "Costa", "Oliveira", "Rodrigues", "Papadopoulos", "Georgiou",
            "Nikolaou", "Christodoulou",
        ]),

        // East and South-East Asian
        new(4,
        [
            "Wei", "Jun", "Hao", "Ming", "Kevin", "Jason", "Eric", "Vincent", "Daniel", "Mei", "Ling", "Xin", "Yan", "Jia",
            "Michelle", "Vivian", "Grace", "Winnie", "Minh", "Linh", "Thanh", "Hiroshi", "Yuki", "Ji-woo",
        ],
        [
            "Chen", "Wang", "Li", "Zhang", "Liu", "Wong", "Chan", "Cheung", "Lau", "Ng", "Tan", "Lim", "Ho", "Leung", "Yeung",
            "Nguyen", "Tran", "Pham", "Tanaka", "Sato", "Kim", "Park",
        ]),

        // Middle Eastern, Turkish, Somali and Kurdish
        new(4,
        [
            "Omar", "Ahmed", "Yusuf", "Khalid", "Karim", "Mustafa", "Emre", "Mehmet", "Hasan", "Abdirahman", "Mahad", "Layla",
            "Yasmin", "Noor", "Leila", "Hana", "Elif", "Zeynep", "Ayan", "Hodan", "Amina", "Hawa", "Ridwan", "Samir",
        ],
        [
            "Hassan", "Ibrahim", "Mahmoud", "Haddad", "Khalil", "Nasser", "Saleh", "Yilmaz", "Demir", "Kaya", "Celik", "Ozturk",
            "Aydin", "Mohamed", "Abdi", "Farah", "Warsame", "Jama", "Osman", "Aziz",
        ]),

        // Southern and East African
        new(3,
        [
            "Tendai", "Tatenda", "Farai", "Tapiwa", "Kudzai", "Rutendo", "Chipo", "Nyasha", "Wanjiru", "Achieng", "Wambui", "Otieno",
            "Kamau", "Mwangi", "Thabo", "Sipho", "Lerato", "Nomvula", "Grace", "Memory", "Fadzai", "Tinashe",
        ],
        [
            "Moyo", "Ncube", "Dube", "Sibanda", "Mutasa", "Chikwanha", "Mapfumo", "Banda", "Phiri", "Mwale", "Kamau", "Mwangi",
            "Otieno", "Wanjiku", "Ochieng", "Nkosi", "Dlamini", "Mokoena",
        ]),
    ];
}
