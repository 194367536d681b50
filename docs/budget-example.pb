META
key;value
description;Lishan community micro-renewal budget 2026 (example)
country;China
unit;Lishan
instance;2026
num_projects;6
num_votes;20
budget;100000,00
vote_type;approval
rule;equalshares/add1
min_length;1
max_length;4
currency;CNY
PROJECTS
project_id;name;cost;category
1;电梯加装 Lift retrofit;60000;housing
2;健身角 Fitness corner;20000;sport
3;儿童游乐区 Playground;25000;children
4;"老年助餐点; 社区食堂 Seniors' canteen";30000;elderly
5;社区花园 Community garden;12500,50;greenery
6;读书角 Reading corner;8000;culture
VOTES
voter_id;vote;voting_method
1;1,2;internet
2;1,2;paper
3;1,2,5;internet
4;1,2;paper
5;1,2;internet
6;1,2,5;paper
7;1,2;internet
8;1,2;paper
9;1,2,5;internet
10;1,2;paper
11;1,2;internet
12;1,2,5;paper
13;3,4,5,6;internet
14;3,4;paper
15;4,6;internet
16;3,5,6;paper
17;4,5;internet
18;3,4,6;paper
19;4,6;internet
20;;paper
