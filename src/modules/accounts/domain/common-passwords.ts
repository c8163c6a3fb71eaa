// The most common leaked passwords (from public breach-frequency lists), lower-cased. Only entries
// that pass the length rule matter; a password is refused when its lower-cased form is listed.
const LIST = `
!qaz2wsx 00000000 000000000 0000000000 0123456789 11111111 111111111 1111111111 11223344 12121212 123123123
12341234 1234512345 123456123456 12345678 123456789 1234567890 12345678910 123456789a 12345678a 1234567a
123456qwerty 1234qwer 123654789 123qweasd 123qweasdzxc 147258369 159753258 1jordan23 1q2w3e4r 1q2w3e4r5t
1q2w3e4r5t6y 1qaz!qaz 1qaz2wsx 1qazxsw2 22222222 2wsx3edc 33333333 44444444 55555555 66666666 741852963
77777777 88888888 963852741 987654321 9876543210 987654321a 99999999 a12345678 a123456789 a1b2c3d4 aa123456
aaaaaaaa abc12345 abc123456 abcd1234 abcdefg1 abcdefgh admin123 admin1234 admin12345 admin2024 admin2025
adminadmin administrator administrator1 alexander angel123 anthony1 anything apple123 arsenal1 asd123456
asdf1234 asdfasdf asdfghjk asdfghjkl august12 autumn2024 babygirl babygirl1 banana123 baseball baseball1
basketball batman123 beautiful bigdaddy blessed1 blink182 buster12 butterfly changeme changeme1 changeme123
charlie1 cheese123 chelsea1 chocolate christian computer computer1 contraseña cookie123 corvette cowboys1
daniel123 danielle december1 default1 dragon12 dragon123 elizabeth facebook1 ferrari1 flower123 football
football1 football12 forever1 fortnite freedom1 fuckoff1 fuckyou1 fuckyou123 gateway1 ginger12 godisgood
goodluck1 google123 guest123 hannah123 happy123 happyday harley12 hello123 hello1234 helloworld hockey12
hunter12 hunter123 iloveu123 iloveyou iloveyou1 iloveyou123 iloveyou2 internet iphone123 january1 jennifer
jessica1 jesus123 jesuschrist jonathan jordan23 killer123 letmein1 letmein123 linkedin1 liverpool lovelove
lovely123 loveme123 loveyou1 manchester master12 master123 matrix123 matthew1 maverick mercedes michael1
michelle microsoft midnight minecraft minecraft1 monkey12 monkey123 motdepasse mustang1 mylove123 mypass123
mypassword myspace1 nicholas nothing1 orange123 p455w0rd p@55w0rd p@ssw0rd p@ssword pa$$word pa55w0rd
pa55word pass1234 pass12345 passpass passw0rd passw0rd1 password password! password01 password1 password11
password12 password123 password1234 password2 password2020 password2021 password2022 password2023
password2024 password2025 password2026 password22 password3 password99 passwords passwort pepper123 phoenix1
pokemon1 pokemon123 porsche1 princess princess1 purple123 q12345678 q1w2e3r4 q1w2e3r4t5 qazwsxedc qwe123456
qwe123qwe qweasdzxc qweqweqwe qwer1234 qwerty11 qwerty12 qwerty123 qwerty1234 qwerty12345 qwerty123456
qwerty2024 qwertyui qwertyuiop qwertyuiop123 ranger12 roblox123 rockstar1 root1234 rootroot samantha samsung1
secret12 secret123 september shadow12 shadow123 smiley123 soccer12 spiderman spring2024 starwars starwars1
starwars123 steelers summer12 summer2020 summer2021 summer2022 summer2023 summer2024 summer2025 sunshine
sunshine1 superman superman1 superstar sweetheart test1234 test12345 tester123 testing123 testtest thomas123
thunder1 tiger123 tigger12 toor1234 trustno1 twitter1 unknown1 victoria welcome1 welcome12 welcome123
welcome2024 welcome2025 whatever whatever1 whatsup1 william1 winter2020 winter2021 winter2022 winter2023
winter2024 winter2025 yankees1 youtube1 zaq!2wsx zaq12wsx zaq1zaq1 zelda123 zxc123456 zxcvbnm1 zxcvbnm123`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter((word) => word.length > 0));
