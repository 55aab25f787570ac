from sellergate.cli import main

main()
