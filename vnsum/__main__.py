from vnsum.cli import main

main()
