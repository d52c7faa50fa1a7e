// placeholder until the benchmark is written
int main(){}
